package ai.spice.cloud.spec.tool;

import static ai.spice.cloud.spec.tool.Fixtures.json;
import static ai.spice.cloud.spec.tool.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizationTest {
  private static final String THING = "/components/schemas/Thing";

  @TempDir Path dir;

  @Test
  void aDerivedDocumentAcceptsNullWhereUpstreamSaysNullableUnderJsonSchema2020() {
    ObjectNode merged = SpecTool.derive(FixtureModule.fixture(dir)).document();
    SchemaValidator validator = new SchemaValidator(merged);

    assertEquals(List.of(), validator.validateAt(THING, node("{'id': 1, 'note': null, 'labels': null}")));
    assertEquals(List.of(), validator.validateAt(THING, node("{'note': 'n', 'labels': {'a': 'b'}}")));
  }

  @Test
  void theValidatorStillRejectsWrongTypesSoTheNullCaseIsNotVacuous() {
    ObjectNode merged = SpecTool.derive(FixtureModule.fixture(dir)).document();
    SchemaValidator validator = new SchemaValidator(merged);

    assertFalse(validator.validateAt(THING, node("{'note': 5}")).isEmpty());
    assertFalse(validator.validateAt(THING, node("{'labels': {'a': 1}}")).isEmpty());
    assertFalse(validator.validateAt("/components/schemas/ThingChanged", node("{'mode': 7}")).isEmpty());
  }

  @Test
  void upstreamNullableIsIgnoredBy2020SemanticsWhichIsWhyTheMergeRewritesIt() {
    ObjectNode upstream = json("{'components':{'schemas':{'S':{'type':'object','properties':"
        + "{'k':{'type':'string','nullable':true}}}}}}");
    SchemaValidator validator = new SchemaValidator(upstream);
    assertFalse(validator.validateAt("/components/schemas/S", node("{'k': null}")).isEmpty());

    List<String> applied = Normalizer31.normalize(upstream);

    assertEquals(List.of("/components/schemas/S/properties/k: \"nullable: true\" -> \"type\": [\"string\",\"null\"]"),
        applied);
    assertEquals(List.of(), validator.validateAt("/components/schemas/S", node("{'k': null}")));
    assertFalse(upstream.at("/components/schemas/S/properties/k").has("nullable"));
  }

  @Test
  void nullableEnumsGetNullAddedToTheEnum() {
    ObjectNode doc = json("{'components':{'schemas':{'E':{'type':'integer','enum':[1,2],'nullable':true}}}}");

    Normalizer31.normalize(doc);

    assertEquals(node("{'type':['integer','null'],'enum':[1,2,null]}"), doc.at("/components/schemas/E"));
  }

  @Test
  void aPropertyNamedNullableIsNotMistakenForTheKeyword() {
    ObjectNode doc = json("{'components':{'schemas':{'S':{'type':'object','properties':"
        + "{'nullable':{'type':'boolean'}}}}}}");

    assertEquals(List.of(), Normalizer31.normalize(doc));
    assertTrue(doc.at("/components/schemas/S/properties/nullable").isObject());
  }

  @Test
  void nullableWithoutTypeIsRefusedRatherThanGuessed() {
    ObjectNode doc = json("{'components':{'schemas':{'S':{'$ref':'#/components/schemas/T','nullable':true}}}}");

    SpecException e = assertThrows(SpecException.class, () -> Normalizer31.normalize(doc));
    assertEquals("/components/schemas/S: \"nullable: true\" without a type cannot be normalized", e.getMessage());
  }

  @Test
  void theDerivationListsEveryNormalizationItApplied() {
    List<String> applied = SpecTool.derive(FixtureModule.fixture(dir)).normalizations();

    assertEquals(List.of(
        "/paths/~1v1~1status/get: status.get.v1-status.json has no top-level security, so the operation stays public "
            + "(\"security\": [])",
        THING + "/properties/note: \"nullable: true\" -> \"type\": [\"string\",\"null\"]",
        THING + "/properties/labels: \"nullable: true\" -> \"type\": [\"object\",\"null\"]"), applied);
  }
}
