package ai.spice.cloud.spec.tool;

import static ai.spice.cloud.spec.tool.Fixtures.json;
import static ai.spice.cloud.spec.tool.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {
  private static final String API_KEYS = "/components/schemas/ApiKeys";

  @Test
  void mergedDocumentAcceptsANullSecondaryKeyUnderJsonSchema2020() {
    ObjectNode merged = SpecTool.derive(Fixtures.specModule()).document();
    SchemaValidator validator = new SchemaValidator(merged);

    assertEquals(List.of(), validator.validateAt(API_KEYS, node("{'api_key': 'k', 'api_key_2': null}")));
    assertEquals(List.of(), validator.validateAt(API_KEYS, node("{'api_key': null, 'api_key_2': null}")));
  }

  @Test
  void theValidatorStillRejectsWrongTypesSoTheNullCaseIsNotVacuous() {
    ObjectNode merged = SpecTool.derive(Fixtures.specModule()).document();
    SchemaValidator validator = new SchemaValidator(merged);

    assertFalse(validator.validateAt(API_KEYS, node("{'api_key': 5, 'api_key_2': null}")).isEmpty());
    assertFalse(validator.validateAt("/components/schemas/ApiKeysRegenerated",
        node("{'api_key': 'k', 'regenerated_key': 7}")).isEmpty());
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
  void theMergeListsEveryNormalizationItApplied() {
    List<String> applied = SpecTool.derive(Fixtures.specModule()).normalizations();

    assertTrue(applied.contains("/components/schemas/ApiKeys/properties/api_key_2: \"nullable: true\" -> "
        + "\"type\": [\"string\",\"null\"]"));
  }
}
