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
  private static String decoded;
  private static String keys;

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
      // Unions, which the generator's normalizer (client/generator.yaml) reads as Object unless all are objects.
      ObjectNode keyProps = TestDocs.schema(d, "ApiKeys").with("properties");
      ObjectNode either = keyProps.putObject("x_spice_test_either");
      either.putArray("oneOf").addObject().put("type", "string");
      either.withArray("oneOf").addObject().put("type", "integer");
      ObjectNode mixed = keyProps.putObject("x_spice_test_mixed");
      mixed.putArray("anyOf").addObject().put("type", "object").putObject("properties").putObject("a").put("type", "string");
      mixed.withArray("anyOf").addObject().put("type", "array").putObject("items").put("type", "string");
      ObjectNode objects = keyProps.putObject("x_spice_test_objects");
      objects.putArray("oneOf").addObject().put("type", "object").putObject("properties").putObject("a").put("type", "string");
      objects.withArray("oneOf").addObject().put("type", "object").putObject("properties").putObject("b").put("type", "integer");
      ObjectNode nullable = keyProps.putObject("x_spice_test_nullable");
      nullable.putArray("oneOf").addObject().put("type", "null");
      nullable.withArray("oneOf").addObject().put("type", "string");
      // A model that extends another: the generator makes a class hierarchy for a parent with a discriminator.
      ObjectNode schemas = (ObjectNode) d.with("components").with("schemas");
      ObjectNode parent = schemas.putObject("XSpiceTestParent").put("type", "object");
      parent.putArray("required").add("kind");
      parent.putObject("properties").putObject("kind").put("type", "string");
      parent.with("properties").putObject("inherited_at").put("type", "string").put("format", "date-time");
      parent.putObject("discriminator").put("propertyName", "kind");
      ObjectNode child = schemas.putObject("XSpiceTestChild");
      child.putArray("allOf").addObject().put("$ref", "#/components/schemas/XSpiceTestParent");
      child.withArray("allOf").addObject().put("type", "object").putObject("properties")
          .putObject("own_count").put("type", "integer");
    });
    ClientGenerator generator = new ClientGenerator(
        Path.of(System.getProperty("basedir", ".")).resolve("../client/generator.yaml"),
        StableSignaturesJavaCodegen.class.getName());
    ClientGenerator.Sources sources = generator.generate(doc, work.resolve("src"));
    request = Files.readString(sources.root().resolve(sources.modelPackage().replace('.', '/'))
        .resolve("RegenerateApiKeyRequest.java"));
    keys = Files.readString(sources.root().resolve(sources.modelPackage().replace('.', '/')).resolve("ApiKeys.java"));
    decoded = Files.readString(sources.root().resolve(StableSignaturesJavaCodegen.RUNTIME_PACKAGE.replace('.', '/'))
        .resolve(StableSignaturesJavaCodegen.DECODED_FILE));
  }

  /** The declaration of a field: {@code private Type name;} or {@code private Type name = value;}. */
  private static String field(String name) {
    return field(request, name);
  }

  private static String field(String source, String name) {
    Matcher m = Pattern.compile("(?m)^\\s*private [^;=]+ " + name + "\\b[^;]*;").matcher(source);
    assertThat(m.find()).as("a field " + name + " in\n" + source).isTrue();
    return m.group().strip();
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

  @Test
  void aDecodedSubclassChecksTheGettersAModelInheritsAsWellAsItsOwn() {
    String child = decoded.substring(decoded.indexOf("class DecodedXSpiceTestChild extends XSpiceTestChild"));
    child = child.substring(0, child.indexOf("\n  }\n"));
    assertThat(child).as("the child's decoded subclass").contains(
        "getOwnCount() {\n      SpiceCloudModel.checkRead(this, JSON_PROPERTY_OWN_COUNT);",
        "getInheritedAt() {\n      SpiceCloudModel.checkRead(this, JSON_PROPERTY_INHERITED_AT);",
        "copy.setInheritedAt(plain.getInheritedAt());");
  }

  @Test
  void aUnionWithAnAlternativeOtherThanAnObjectReadsAsAnyJsonValue() {
    // The generator would write an empty class for these, which no string, number or array fits.
    assertThat(field(keys, "xSpiceTestEither")).isEqualTo("private Object xSpiceTestEither;");
    assertThat(field(keys, "xSpiceTestMixed")).isEqualTo("private Object xSpiceTestMixed;");
  }

  @Test
  void aUnionOfObjectsKeepsTheGeneratorsMergedClassAndANullAlternativeOnlyMakesItNullable() {
    assertThat(field(keys, "xSpiceTestObjects")).isEqualTo("private ApiKeysXSpiceTestObjects xSpiceTestObjects;");
    assertThat(field(keys, "xSpiceTestNullable")).isEqualTo("private String xSpiceTestNullable;");
  }
}
