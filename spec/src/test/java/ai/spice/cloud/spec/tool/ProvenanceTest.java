package ai.spice.cloud.spec.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check behind RealDocumentTest bites: each kind of drift between fragments and document is caught. */
class ProvenanceTest {
  private static final String THING = "/components/schemas/Thing/properties";

  @TempDir Path dir;

  @Test
  void theFixtureModuleIsExactlyAccountedFor() {
    assertEquals(List.of(), problems(doc -> {}));
  }

  @Test
  void aDroppedUpstreamKeywordIsLost() {
    assertEquals(List.of("models.components.Thing.json " + THING + "/created_at/format: lost",
        "things.get.v1-things-thingId.json " + THING + "/created_at/format: lost"),
        problems(doc -> ((ObjectNode) doc.at(THING + "/created_at")).remove("format")));
  }

  @Test
  void aChangedUpstreamValueIsReported() {
    assertEquals(List.of(
        "models.components.Thing.json " + THING + "/labels/additionalProperties/type: was \"string\", is \"integer\"",
        "things.get.v1-things-thingId.json " + THING + "/labels/additionalProperties/type: was \"string\", is \"integer\"",
        THING + "/labels/additionalProperties/type: \"integer\" is in no fragment (they say [\"string\", \"string\"])"),
        problems(doc -> ((ObjectNode) doc.at(THING + "/labels/additionalProperties")).put("type", "integer")));
  }

  @Test
  void anInventedPropertyConstraintOrFormatIsReported() {
    assertEquals(List.of(THING + "/extra: in no fragment, and not something decorations or a listed normalization add"),
        problems(doc -> ((ObjectNode) doc.at(THING)).putObject("extra").put("type", "string")));
    assertEquals(List.of(THING + "/kind/minLength: in no fragment, and not something decorations or a listed "
        + "normalization add"), problems(doc -> ((ObjectNode) doc.at(THING + "/kind")).put("minLength", 1)));
    assertEquals(List.of(THING + "/kind/format: in no fragment, and not something decorations or a listed "
        + "normalization add"), problems(doc -> ((ObjectNode) doc.at(THING + "/kind")).put("format", "uuid")));
  }

  @Test
  void aPublicOperationNotListedAsANormalizationIsReported() {
    String get = "/paths/~1v1~1things~1{thingId}/get";
    assertEquals(List.of(get + "/security: in no fragment, and not something decorations or a listed normalization add"),
        problems(doc -> ((ObjectNode) doc.at(get)).putArray("security")));
  }

  @Test
  void aPropertyInsideANamedSchemaIsFollowedThroughTheReference() {
    String request = "/components/schemas/ChangeThingRequest/properties/mode";
    assertEquals(List.of("things.post.v1-things-thingId.json /paths/~1v1~1things~1{thingId}/post/requestBody/content/"
        + "application~1json/schema/properties/mode/default: was 1, is 0",
        "/paths/~1v1~1things~1{thingId}/post/requestBody/content/application~1json/schema/properties/mode/default: "
            + "0 is in no fragment (they say [1])"),
        problems(doc -> ((ObjectNode) doc.at(request)).put("default", 0)));
  }

  private List<String> problems(Consumer<ObjectNode> drift) {
    Path module = FixtureModule.fixture(dir);
    SpecTool.Result result = SpecTool.derive(module);
    ObjectNode doc = result.document().deepCopy();
    drift.accept(doc);
    return Provenance.check(SpecTool.readFragments(module.resolve("upstream")), doc, result.normalizations());
  }
}
