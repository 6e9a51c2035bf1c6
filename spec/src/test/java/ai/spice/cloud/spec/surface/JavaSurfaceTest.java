package ai.spice.cloud.spec.surface;

import static ai.spice.cloud.spec.compat.TestDocs.PATH_PTR;
import static ai.spice.cloud.spec.compat.TestDocs.obj;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.codegen.StableSignaturesJavaCodegen;
import ai.spice.cloud.spec.compat.TestDocs;
import com.fasterxml.jackson.databind.node.ObjectNode;
import japicmp.model.JApiCompatibilityChangeType;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated client of an edited fixture document against the fixture's own: what breaks compiled code. */
class JavaSurfaceTest {
  @TempDir static Path work;
  private static ClientGenerator generator;
  private static Path baselineJar;
  private static int runs;

  @BeforeAll
  static void generateTheFixturesClient() {
    generator = new ClientGenerator(Path.of(System.getProperty("basedir", ".")).resolve("../client/generator.yaml"),
        StableSignaturesJavaCodegen.class.getName());
    baselineJar = build(TestDocs.baseline(), "baseline");
  }

  private static Path build(ObjectNode doc, String name) {
    Path dir = work.resolve(name);
    return JavaSurface.compile(generator.generate(doc, dir.resolve("src")), dir, dir.resolve(name + ".jar"));
  }

  private static List<JavaSurface.Change> changes(Consumer<ObjectNode> edit) {
    Path jar = build(TestDocs.edited(edit), "edit" + (++runs));
    return JavaSurface.compare(baselineJar, jar, List.of("ai.spice.cloud.client.api", "ai.spice.cloud.client.model"));
  }

  private static ObjectNode queryParameter(ObjectNode doc, String op, String name, boolean required) {
    ObjectNode p = ((com.fasterxml.jackson.databind.node.ArrayNode) doc.at(PATH_PTR + "/" + op + "/parameters"))
        .addObject().put("in", "query").put("name", name).put("required", required);
    p.putObject("schema").put("type", "integer");
    return p;
  }

  @Test
  void theSameDocumentGivesTheSameSurface() {
    assertThat(changes(d -> { })).isEmpty();
  }

  @Test
  void aNewOptionalQueryParameterKeepsEveryExistingSignature() {
    assertThat(changes(d -> queryParameter(d, "get", "limit", false))).isEmpty();
  }

  @Test
  void aSecondOptionalQueryParameterKeepsThemToo() {
    assertThat(changes(d -> {
      queryParameter(d, "get", "limit", false);
      queryParameter(d, "get", "offset", false);
    })).isEmpty();
  }

  @Test
  void aNewOperationOnAnExistingTagIsNotABreak() {
    assertThat(changes(d -> {
      ObjectNode op = obj(d, "/paths").putObject("/v1/api-keys/usage").putObject("get");
      op.put("operationId", "getApiKeyUsage").putArray("tags").add("API Keys");
      op.putObject("responses").putObject("200").put("description", "ok");
    })).isEmpty();
  }

  @Test
  void aRemovedOperationRemovesItsMethods() {
    List<JavaSurface.Change> found = changes(d -> obj(d, PATH_PTR).remove("post"));

    assertThat(found).extracting(JavaSurface.Change::member)
        .contains("regenerateApiKey(java.lang.Long, ai.spice.cloud.client.model.RegenerateApiKeyRequest)");
    assertThat(found).extracting(JavaSurface.Change::kind).contains(JApiCompatibilityChangeType.METHOD_REMOVED);
    assertThat(found.get(0).describe()).contains("source and binary incompatible");
  }

  @Test
  void aRenamedOperationIdIsABreakEvenThoughTheWireIsTheSame() {
    List<JavaSurface.Change> found = changes(d -> obj(d, PATH_PTR + "/get").put("operationId", "readApiKeys"));

    assertThat(found).extracting(JavaSurface.Change::member).contains("getApiKeys(java.lang.Long)");
  }

  @Test
  void aNewRequiredQueryParameterChangesTheSignature() {
    List<JavaSurface.Change> found = changes(d -> queryParameter(d, "get", "region", true));

    assertThat(found).extracting(JavaSurface.Change::member).contains("getApiKeys(java.lang.Long)");
  }

  @Test
  void wideningARequestIntegerToInt64BreaksCallersThatPassAnInteger() {
    List<JavaSurface.Change> found = changes(d -> obj(d, PATH_PTR + "/get/parameters/0/schema").put("format", "int32"));

    assertThat(found).isNotEmpty();
  }
}
