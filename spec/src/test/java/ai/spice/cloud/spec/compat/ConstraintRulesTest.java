package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Checks.GET;
import static ai.spice.cloud.spec.compat.Checks.KEYS;
import static ai.spice.cloud.spec.compat.Checks.REGEN;
import static ai.spice.cloud.spec.compat.Checks.REQ;
import static ai.spice.cloud.spec.compat.Checks.check;
import static ai.spice.cloud.spec.compat.Checks.compatible;
import static ai.spice.cloud.spec.compat.Checks.onlyBreak;
import static ai.spice.cloud.spec.compat.Checks.onlyChange;
import static ai.spice.cloud.spec.compat.TestDocs.obj;
import static ai.spice.cloud.spec.compat.TestDocs.prop;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Constraint keywords by direction: tightening what consumers send breaks, loosening it passes (noted as a
 * relaxation); loosening what they receive breaks, tightening it passes.
 */
class ConstraintRulesTest {
  private static final String APP_ID = GET + "/parameters/0/schema";
  private static final String KEY_NUMBER = REQ + "/properties/key_number";
  private static final String REGENERATED = REGEN + "/properties/regenerated_key";

  private static ObjectNode appId(ObjectNode d) {
    return obj(d, APP_ID);
  }

  private static ObjectNode regenerated(ObjectNode d) {
    return prop(d, "ApiKeysRegenerated", "regenerated_key");
  }

  /** A string property in the request (input) and one in the response (output). */
  private static ObjectNode note(ObjectNode d) {
    return (ObjectNode) obj(d, REQ + "/properties").putObject("note").put("type", "string");
  }

  private static ObjectNode apiKey(ObjectNode d) {
    return prop(d, "ApiKeys", "api_key");
  }

  /** An array in the request and one in the response. */
  private static ObjectNode inputList(ObjectNode d) {
    ObjectNode list = obj(d, REQ + "/properties").putObject("labels").put("type", "array");
    list.putObject("items").put("type", "string");
    return list;
  }

  private static ObjectNode outputList(ObjectNode d) {
    ObjectNode list = obj(d, KEYS + "/properties").putObject("scopes").put("type", "array");
    list.putObject("items").put("type", "string");
    return list;
  }

  private static CompatibilityChecker.Result pair(Consumer<ObjectNode> before, Consumer<ObjectNode> after) {
    return check(before, after);
  }

  @Nested
  class NumericRanges {
    @Test
    void maximumAddedToAnInputParameterBreaks() {
      Finding f = onlyBreak(d -> appId(d).put("maximum", 1000), Rule.NUMERIC_RANGE_NARROWED_ON_INPUT,
          APP_ID + "/maximum");
      assertThat(f.what()).isEqualTo("maximum 1000 added");
      assertThat(f.usedBy()).containsExactly("GET /v1/apps/{appId}/api-keys");
    }

    @Test
    void minimumRaisedOnInputBreaks() {
      onlyBreak(pair(d -> appId(d).put("minimum", 0), d -> appId(d).put("minimum", 1)),
          Rule.NUMERIC_RANGE_NARROWED_ON_INPUT, APP_ID + "/minimum");
    }

    @Test
    void inclusiveMinimumMadeExclusiveOnInputBreaks() {
      Finding f = onlyBreak(pair(d -> appId(d).put("minimum", 1), d -> appId(d).put("exclusiveMinimum", 1)),
          Rule.NUMERIC_RANGE_NARROWED_ON_INPUT, APP_ID + "/exclusiveMinimum");
      assertThat(f.what()).isEqualTo("minimum 1 replaced by exclusiveMinimum 1");
    }

    @Test
    void boundsLoosenedOnInputPassAsRelaxations() {
      CompatibilityChecker.Result r = compatible(pair(d -> appId(d).put("exclusiveMinimum", 1).put("maximum", 10),
          d -> appId(d).put("minimum", 1).put("maximum", 100).remove("exclusiveMinimum")));
      assertThat(r.changes()).extracting(Change::kind).containsOnly(ChangeKind.RELAXED_CONSTRAINT).hasSize(2);
    }

    @Test
    void maximumRemovedOnOutputBreaksAtTheBaseline() {
      Finding f = onlyBreak(pair(d -> regenerated(d).put("maximum", 2), d -> regenerated(d).remove("maximum")),
          Rule.NUMERIC_RANGE_WIDENED_ON_OUTPUT, REGENERATED + "/maximum");
      assertThat(f.document()).isEqualTo("baseline");
      assertThat(f.what()).isEqualTo("maximum 2 removed");
    }

    @Test
    void exclusiveMaximumRaisedOnOutputBreaks() {
      onlyBreak(pair(d -> regenerated(d).put("exclusiveMaximum", 3), d -> regenerated(d).put("exclusiveMaximum", 4)),
          Rule.NUMERIC_RANGE_WIDENED_ON_OUTPUT, REGENERATED + "/exclusiveMaximum");
    }

    @Test
    void boundsAddedOnOutputPassAsTightenings() {
      CompatibilityChecker.Result r = compatible(d -> regenerated(d).put("minimum", 0).put("maximum", 2));
      assertThat(r.changes()).extracting(Change::kind).containsOnly(ChangeKind.TIGHTENED_OUTPUT).hasSize(2);
    }

    @Test
    void equalBoundsWrittenDifferentlyAreNoChange() {
      CompatibilityChecker.Result r = pair(d -> appId(d).put("maximum", 10), d -> appId(d).put("maximum", 10.0));
      assertThat(r.breaking()).isEmpty();
      assertThat(r.changes()).isEmpty();
    }
  }

  @Nested
  class Lengths {
    @Test
    void maxLengthLoweredOnInputBreaks() {
      Finding f = onlyBreak(pair(d -> note(d).put("maxLength", 10), d -> note(d).put("maxLength", 5)),
          Rule.LENGTH_NARROWED_ON_INPUT, REQ + "/properties/note/maxLength");
      assertThat(f.what()).isEqualTo("maxLength changed from 10 to 5");
    }

    @Test
    void minLengthAddedOnInputBreaks() {
      onlyBreak(pair(d -> note(d), d -> note(d).put("minLength", 1)), Rule.LENGTH_NARROWED_ON_INPUT,
          REQ + "/properties/note/minLength");
    }

    @Test
    void minLengthZeroIsNoConstraint() {
      CompatibilityChecker.Result r = pair(d -> note(d), d -> note(d).put("minLength", 0));
      assertThat(r.breaking()).isEmpty();
      assertThat(r.changes()).isEmpty();
    }

    @Test
    void maxLengthRaisedOnInputPasses() {
      compatible(pair(d -> note(d).put("maxLength", 10), d -> note(d).put("maxLength", 50)));
    }

    @Test
    void maxLengthRaisedOnOutputBreaks() {
      onlyBreak(pair(d -> apiKey(d).put("maxLength", 64), d -> apiKey(d).put("maxLength", 128)),
          Rule.LENGTH_WIDENED_ON_OUTPUT, KEYS + "/properties/api_key/maxLength");
    }

    @Test
    void maxLengthAddedOnOutputPasses() {
      onlyChange(compatible(d -> apiKey(d).put("maxLength", 64)), ChangeKind.TIGHTENED_OUTPUT,
          KEYS + "/properties/api_key/maxLength");
    }
  }

  @Nested
  class Patterns {
    @Test
    void patternAddedOnInputBreaks() {
      onlyBreak(pair(d -> note(d), d -> note(d).put("pattern", "^[a-z]+$")), Rule.PATTERN_TIGHTENED_ON_INPUT,
          REQ + "/properties/note/pattern");
    }

    @Test
    void patternChangedOnInputBreaks() {
      onlyBreak(pair(d -> note(d).put("pattern", "^[a-z]+$"), d -> note(d).put("pattern", "^[a-z0-9]+$")),
          Rule.PATTERN_TIGHTENED_ON_INPUT, REQ + "/properties/note/pattern");
    }

    @Test
    void patternRemovedOnInputPasses() {
      onlyChange(compatible(pair(d -> note(d).put("pattern", "^[a-z]+$"), d -> note(d))),
          ChangeKind.RELAXED_CONSTRAINT, REQ + "/properties/note/pattern");
    }

    @Test
    void patternRemovedOnOutputBreaks() {
      Finding f = onlyBreak(pair(d -> apiKey(d).put("pattern", "^[0-9a-f-]+$"), d -> apiKey(d).remove("pattern")),
          Rule.PATTERN_LOOSENED_ON_OUTPUT, KEYS + "/properties/api_key/pattern");
      assertThat(f.document()).isEqualTo("baseline");
    }

    @Test
    void patternChangedOnOutputBreaks() {
      onlyBreak(pair(d -> apiKey(d).put("pattern", "^a$"), d -> apiKey(d).put("pattern", "^b$")),
          Rule.PATTERN_LOOSENED_ON_OUTPUT, KEYS + "/properties/api_key/pattern");
    }

    @Test
    void patternAddedOnOutputPasses() {
      compatible(d -> apiKey(d).put("pattern", "^[0-9a-f-]+$"));
    }
  }

  @Nested
  class ItemsAndProperties {
    @Test
    void maxItemsLoweredOnInputBreaks() {
      onlyBreak(pair(d -> inputList(d).put("maxItems", 10), d -> inputList(d).put("maxItems", 3)),
          Rule.ITEMS_NARROWED_ON_INPUT, REQ + "/properties/labels/maxItems");
    }

    @Test
    void uniqueItemsAddedOnInputBreaks() {
      onlyBreak(pair(d -> inputList(d), d -> inputList(d).put("uniqueItems", true)), Rule.ITEMS_NARROWED_ON_INPUT,
          REQ + "/properties/labels/uniqueItems");
    }

    @Test
    void minItemsLoweredOnInputPasses() {
      compatible(pair(d -> inputList(d).put("minItems", 2), d -> inputList(d).put("minItems", 1)));
    }

    @Test
    void uniqueItemsRemovedOnOutputBreaks() {
      onlyBreak(pair(d -> outputList(d).put("uniqueItems", true), d -> outputList(d)), Rule.ITEMS_WIDENED_ON_OUTPUT,
          KEYS + "/properties/scopes/uniqueItems");
    }

    @Test
    void minItemsLoweredOnOutputBreaks() {
      onlyBreak(pair(d -> outputList(d).put("minItems", 1), d -> outputList(d)), Rule.ITEMS_WIDENED_ON_OUTPUT,
          KEYS + "/properties/scopes/minItems");
    }

    @Test
    void maxItemsAddedOnOutputPasses() {
      compatible(pair(d -> outputList(d), d -> outputList(d).put("maxItems", 10)));
    }

    @Test
    void maxPropertiesAddedOnInputBreaks() {
      onlyBreak(d -> obj(d, REQ).put("maxProperties", 1), Rule.PROPERTY_COUNT_NARROWED_ON_INPUT,
          REQ + "/maxProperties");
    }

    @Test
    void minPropertiesRemovedOnOutputBreaks() {
      onlyBreak(pair(d -> obj(d, KEYS).put("minProperties", 1), d -> obj(d, KEYS).remove("minProperties")), Rule.PROPERTY_COUNT_WIDENED_ON_OUTPUT,
          KEYS + "/minProperties");
    }

    @Test
    void maxPropertiesRemovedOnInputPasses() {
      compatible(pair(d -> obj(d, REQ).put("maxProperties", 1), d -> obj(d, REQ).remove("maxProperties")));
    }
  }

  @Nested
  class MultiplesAndConstants {
    @Test
    void multipleOfMadeCoarserOnInputBreaks() {
      Finding f = onlyBreak(pair(d -> appId(d).put("multipleOf", 2), d -> appId(d).put("multipleOf", 4)),
          Rule.MULTIPLE_OF_TIGHTENED_ON_INPUT, APP_ID + "/multipleOf");
      assertThat(f.what()).isEqualTo("multipleOf changed from 2 to 4");
    }

    @Test
    void multipleOfMadeFinerOnInputPasses() {
      // Every multiple of 0.5 is a multiple of 0.25.
      compatible(pair(d -> appId(d).put("multipleOf", 0.5), d -> appId(d).put("multipleOf", 0.25)));
    }

    @Test
    void multipleOfMadeFinerOnOutputBreaks() {
      onlyBreak(pair(d -> regenerated(d).put("multipleOf", 1), d -> regenerated(d).put("multipleOf", 0.5)),
          Rule.MULTIPLE_OF_LOOSENED_ON_OUTPUT, REGENERATED + "/multipleOf");
    }

    @Test
    void multipleOfAddedOnOutputPasses() {
      compatible(d -> regenerated(d).put("multipleOf", 1));
    }

    @Test
    void constAddedOnInputBreaks() {
      onlyBreak(d -> prop(d, "RegenerateApiKeyRequest", "key_number").put("const", 1), Rule.CONST_TIGHTENED_ON_INPUT,
          KEY_NUMBER + "/const");
    }

    @Test
    void constRemovedOnInputPasses() {
      compatible(pair(d -> note(d).put("const", "x"), d -> note(d)));
    }

    @Test
    void constRemovedOnOutputBreaks() {
      onlyBreak(pair(d -> apiKey(d).put("const", "k"), d -> apiKey(d).remove("const")), Rule.CONST_LOOSENED_ON_OUTPUT,
          KEYS + "/properties/api_key/const");
    }

    @Test
    void constChangedOnOutputBreaks() {
      onlyBreak(pair(d -> apiKey(d).put("const", "k"), d -> apiKey(d).put("const", "j")), Rule.CONST_LOOSENED_ON_OUTPUT,
          KEYS + "/properties/api_key/const");
    }

    @Test
    void constAddedOnOutputPassesAndEqualNumbersAreTheSameConstant() {
      compatible(d -> apiKey(d).put("const", "k"));
      CompatibilityChecker.Result r = pair(d -> appId(d).put("const", 1), d -> appId(d).put("const", 1.0));
      assertThat(r.breaking()).isEmpty();
      assertThat(r.changes()).isEmpty();
    }
  }

  @Nested
  class Discriminators {
    /** A response property "pet": a oneOf of Cat and the schema named {@code dog}, told apart by kind. */
    private Consumer<ObjectNode> pets(String dog, String dogMapping) {
      return d -> {
        ObjectNode schemas = obj(d, "/components/schemas");
        schemas.set("Cat", Checks.json("{'type':'object','required':['kind'],'properties':{'kind':{'type':'string'},"
            + "'meow':{'type':'boolean'}}}"));
        schemas.set(dog, Checks.json("{'type':'object','required':['kind'],'properties':{'kind':{'type':'string'},"
            + "'bark':{'type':'boolean'}}}"));
        obj(d, KEYS + "/properties").set("pet", Checks.json("{'oneOf':[{'$ref':'#/components/schemas/Cat'},"
            + "{'$ref':'#/components/schemas/" + dog + "'}],'discriminator':{'propertyName':'kind','mapping':{"
            + "'cat':'#/components/schemas/Cat','dog':'" + dogMapping + "'}}}"));
      };
    }

    @Test
    void aMappedSchemaWrittenByNameInsteadOfByReferenceIsTheSameMapping() {
      CompatibilityChecker.Result r = pair(pets("Dog", "#/components/schemas/Dog"), pets("Dog", "Dog"));
      assertThat(r.breaking()).as(r.breaking().toString()).isEmpty();
      assertThat(r.changes()).as(r.changes().toString()).isEmpty();
    }

    @Test
    void aMappedSchemaRenamedWithTheSameContentIsTheSameMapping() {
      CompatibilityChecker.Result r = pair(pets("Dog", "#/components/schemas/Dog"),
          pets("MyDog", "#/components/schemas/MyDog"));
      assertThat(r.breaking()).as(r.breaking().toString()).isEmpty();
      assertThat(r.changes()).as(r.changes().toString()).isEmpty();
    }

    @Test
    void aValueMappedToAnotherSchemaStillBreaksOnOutput() {
      onlyBreak(pair(pets("Dog", "#/components/schemas/Dog"), pets("Dog", "Cat")), Rule.SCHEMA_WIDENED_ON_OUTPUT,
          KEYS + "/properties/pet/discriminator");
    }
  }
}
