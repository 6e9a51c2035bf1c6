package ai.spice.cloud.spec.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the real merged document must say whatever the published fragments contain: exactly what they say,
 * plus decorations and listed normalizations. Nothing here names today's operations or schemas.
 */
class RealDocumentTest {
  private static List<Fragment> fragments;
  private static SpecTool.Result result;

  @BeforeAll
  static void derive() {
    fragments = SpecTool.readFragments(Fixtures.specModule().resolve("upstream"));
    result = SpecTool.derive(Fixtures.specModule());
  }

  @Test
  void theDocumentSaysExactlyWhatTheFragmentsSayPlusDecorationsAndListedNormalizations() {
    assertEquals(List.of(), Provenance.check(fragments, result.document(), result.normalizations()));
  }

  @Test
  void everyOperationRequiresExactlyWhatItsFragmentRequiresAndPublicOnesStayPublic() {
    ObjectNode doc = result.document();
    List<String> checked = new ArrayList<>();
    for (Fragment f : fragments) {
      f.document().path("paths").fields().forEachRemaining(path -> OpenApiDocs.METHODS.forEach(method -> {
        JsonNode upstreamOp = path.getValue().get(method);
        if (upstreamOp == null) {
          return;
        }
        JsonNode expected = upstreamOp.has("security") ? upstreamOp.get("security")
            : f.document().has("security") ? f.document().get("security") : doc.arrayNode();
        JsonNode op = doc.path("paths").path(path.getKey()).path(method);
        JsonNode actual = op.has("security") ? op.get("security") : doc.path("security");
        assertEquals(expected, actual, method + " " + path.getKey() + " from " + f.name());
        checked.add(method + " " + path.getKey());
      }));
    }
    assertFalse(checked.isEmpty());
  }

  @Test
  void everyValueAFragmentMarksNullableAcceptsNullInTheDocument() {
    SchemaValidator validator = new SchemaValidator(result.document());
    List<String> rejected = new ArrayList<>();
    for (Fragment f : fragments) {
      Normalizer31.forEachSchema(f.document().deepCopy(), (schema, pointer) -> {
        if (schema.path("nullable").asBoolean(false)) {
          JsonNode derived = Provenance.locate(fragments, result.document(), pointer);
          List<String> errors = validator.validate(derived, NullNode.getInstance());
          if (!errors.isEmpty()) {
            rejected.add(f.name() + " " + pointer + ": " + errors);
          }
        }
      });
    }
    assertEquals(List.of(), rejected);
  }
}
