package ai.spice.cloud.spec.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.compat.TestDocs;
import ai.spice.cloud.spec.surface.ClientGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generator writes for a fixture document, read from the generated source. */
class StableSignaturesJavaCodegenTest {
  @TempDir static Path work;
  private static String request;

  @BeforeAll
  static void generate() throws IOException {
    ObjectNode doc = TestDocs.edited(d -> {
      ObjectNode schema = TestDocs.schema(d, "RegenerateApiKeyRequest");
      ObjectNode props = schema.with("properties");
      props.putObject("x_spice_test_flag").put("type", "boolean").put("default", false);
      props.putObject("x_spice_test_limit").put("type", "integer").put("default", 10);
      ObjectNode mode = props.putObject("x_spice_test_mode").put("type", "string").put("default", "fast");
      mode.putArray("enum").add("fast").add("slow");
      props.putObject("x_spice_test_ratio").put("type", "number").put("default", 0.5);
      props.putObject("x_spice_test_label").put("type", "string").put("default", "none");
      props.putObject("x_spice_test_kept").put("type", "string").put("default", "kept");
      schema.withArray("required").add("x_spice_test_kept");
    });
    ClientGenerator generator = new ClientGenerator(
        Path.of(System.getProperty("basedir", ".")).resolve("../client/generator.yaml"),
        StableSignaturesJavaCodegen.class.getName());
    ClientGenerator.Sources sources = generator.generate(doc, work.resolve("src"));
    request = Files.readString(sources.root().resolve(sources.modelPackage().replace('.', '/'))
        .resolve("RegenerateApiKeyRequest.java"));
  }

  /** The declaration of a field: {@code private Type name;} or {@code private Type name = value;}. */
  private static String field(String name) {
    Matcher m = Pattern.compile("(?m)^\\s*private [^;=]+ " + name + "\\b[^;]*;").matcher(request);
    assertThat(m.find()).as("a field " + name + " in\n" + request).isTrue();
    return m.group();
  }

  @Test
  void anOptionalPropertysDefaultLeavesItsFieldUnsetSoTheRequestLeavesItOut() {
    for (String name : new String[] {"keyNumber", "xSpiceTestFlag", "xSpiceTestLimit", "xSpiceTestMode",
        "xSpiceTestRatio", "xSpiceTestLabel"}) {
      assertThat(field(name)).as(name).doesNotContain("=");
    }
  }

  @Test
  void aRequiredPropertyStartsAtItsDefaultAsTheStockGeneratorHasIt() {
    assertThat(field("xSpiceTestKept")).contains("= \"kept\"");
  }
}
