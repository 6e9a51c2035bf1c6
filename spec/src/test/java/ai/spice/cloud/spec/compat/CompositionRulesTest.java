package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Checks.KEYS;
import static ai.spice.cloud.spec.compat.Checks.REQ;
import static ai.spice.cloud.spec.compat.Checks.check;
import static ai.spice.cloud.spec.compat.Checks.compatible;
import static ai.spice.cloud.spec.compat.Checks.json;
import static ai.spice.cloud.spec.compat.Checks.onlyBreak;
import static ai.spice.cloud.spec.compat.Checks.onlyChange;
import static ai.spice.cloud.spec.compat.TestDocs.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** oneOf/anyOf/allOf compared member by member, by direction; recursive schemas end. */
class CompositionRulesTest {
  private static final String TARGET = REQ + "/properties/target";
  private static final String OWNER = KEYS + "/properties/owner";

  /** Components A (string), B (integer) and C (an object with a name), for members to refer to. */
  private static void components(ObjectNode d) {
    ObjectNode schemas = obj(d, "/components/schemas");
    schemas.set("A", json("{'type':'string'}"));
    schemas.set("B", json("{'type':'integer'}"));
    schemas.set("C", json("{'type':'object','properties':{'name':{'type':'string'}}}"));
  }

  /** The request property "target" (input) or the response property "owner" (output) with this schema. */
  private static Consumer<ObjectNode> input(String schema) {
    return d -> {
      components(d);
      obj(d, REQ + "/properties").set("target", json(schema));
    };
  }

  private static Consumer<ObjectNode> output(String schema) {
    return d -> {
      components(d);
      obj(d, KEYS + "/properties").set("owner", json(schema));
    };
  }

  private static final String A = "{'$ref':'#/components/schemas/A'}";
  private static final String B = "{'$ref':'#/components/schemas/B'}";
  private static final String C = "{'$ref':'#/components/schemas/C'}";

  private static String of(String keyword, String... members) {
    return "{'" + keyword + "':[" + String.join(",", members) + "]}";
  }

  @Nested
  class Alternatives {
    @ParameterizedTest
    @ValueSource(strings = {"oneOf", "anyOf"})
    void memberRemovedOnInputBreaksAtTheBaseline(String kw) {
      Finding f = onlyBreak(check(input(of(kw, A, B)), input(of(kw, A))), Rule.COMPOSITION_NARROWED_ON_INPUT,
          TARGET + "/" + kw + "/1");
      assertThat(f.document()).isEqualTo("baseline");
      assertThat(f.what()).isEqualTo(kw + " member 1 (B) was removed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"oneOf", "anyOf"})
    void memberAddedOnInputPasses(String kw) {
      onlyChange(compatible(check(input(of(kw, A)), input(of(kw, A, B)))), ChangeKind.RELAXED_CONSTRAINT,
          TARGET + "/" + kw + "/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"oneOf", "anyOf"})
    void memberAddedOnOutputBreaks(String kw) {
      Finding f = onlyBreak(check(output(of(kw, A)), output(of(kw, A, B))), Rule.COMPOSITION_WIDENED_ON_OUTPUT,
          OWNER + "/" + kw + "/1");
      assertThat(f.what()).isEqualTo(kw + " member 1 (B) was added");
    }

    @ParameterizedTest
    @ValueSource(strings = {"oneOf", "anyOf"})
    void memberRemovedOnOutputPasses(String kw) {
      onlyChange(compatible(check(output(of(kw, A, B)), output(of(kw, B)))), ChangeKind.TIGHTENED_OUTPUT,
          OWNER + "/" + kw + "/0");
    }

    @Test
    void reorderedMembersAreMatchedByReference() {
      CompatibilityChecker.Result r = check(output(of("oneOf", A, B, C)), output(of("oneOf", C, A, B)));
      assertThat(r.breaking()).isEmpty();
      assertThat(r.changes()).isEmpty();
    }

    @Test
    void reorderedInlineMembersAreMatchedByStructure() {
      CompatibilityChecker.Result r = check(input(of("oneOf", "{'type':'string'}", "{'type':'integer'}")),
          input(of("oneOf", "{'type':'integer'}", "{'type':'string'}")));
      assertThat(r.breaking()).isEmpty();
      assertThat(r.changes()).isEmpty();
    }

    @Test
    void aReferencedMemberIsComparedWhereItIsDefined() {
      onlyBreak(check(output(of("oneOf", A, C)), d -> obj(d, "/components/schemas/C/properties").remove("name")),
          Rule.RESPONSE_PROPERTY_REMOVED, "/components/schemas/C/properties/name");
    }

    @Test
    void aMemberChangedInPlaceIsComparedNotRemovedAndAdded() {
      // Neither old member covers the new second one, so it is compared with the old one at its place.
      onlyBreak(check(output(of("oneOf", A, "{'type':'integer'}")), output(of("oneOf", A, "{'type':'number'}"))),
          Rule.TYPE_CHANGED, OWNER + "/oneOf/1/type");
    }

    @Test
    void anInputMemberWidenedInPlaceIsCoveredAndPasses() {
      compatible(check(input(of("anyOf", A, "{'type':'integer','maximum':5}")),
          input(of("anyOf", A, "{'type':'integer','maximum':10}"))));
    }

    @Test
    void introducingAlternativesOnInputPassesWhenAMemberCoversTheOldSchema() {
      compatible(check(input("{'type':'string'}"), input(of("oneOf", A, B))));
    }

    @Test
    void introducingAlternativesOnInputThatRejectOldValuesBreaks() {
      onlyBreak(check(input("{'type':'string'}"), input(of("oneOf", B, "{'type':'boolean'}"))),
          Rule.COMPOSITION_NARROWED_ON_INPUT, TARGET + "/oneOf");
    }

    @Test
    void introducingAlternativesOnOutputBreaksForTheMemberThatDoesNotFit() {
      onlyBreak(check(output("{'type':'string'}"), output(of("oneOf", A, B))), Rule.COMPOSITION_WIDENED_ON_OUTPUT,
          OWNER + "/oneOf/1");
    }

    @Test
    void droppingAlternativesOnOutputPassesWhenAMemberCoversTheNewSchema() {
      compatible(check(output(of("anyOf", A, B)), output("{'type':'string'}")));
    }

    @Test
    void droppingAlternativesOnInputBreaksForTheMemberNoLongerAccepted() {
      onlyBreak(check(input(of("anyOf", A, B)), input("{'type':'string'}")), Rule.COMPOSITION_NARROWED_ON_INPUT,
          TARGET + "/anyOf/1");
    }
  }

  @Nested
  class AllOf {
    @Test
    void constrainingMemberAddedOnInputBreaks() {
      onlyBreak(check(input(of("allOf", C)), input(of("allOf", C, "{'required':['name']}"))),
          Rule.COMPOSITION_NARROWED_ON_INPUT, TARGET + "/allOf/1");
    }

    @Test
    void memberThatOnlyDeclaresAnOptionalPropertyPassesOnInput() {
      compatible(check(input(of("allOf", C)), input(of("allOf", C, "{'properties':{'tag':{'type':'string'}}}"))));
    }

    @Test
    void memberRemovedOnOutputBreaks() {
      onlyBreak(check(output(of("allOf", C, "{'required':['name']}")), output(of("allOf", C))),
          Rule.COMPOSITION_WIDENED_ON_OUTPUT, OWNER + "/allOf/1");
    }

    @Test
    void memberRemovedOnInputAndAddedOnOutputPass() {
      compatible(check(input(of("allOf", C, "{'required':['name']}")), input(of("allOf", C))));
      compatible(check(output(of("allOf", C)), output(of("allOf", C, "{'required':['name']}"))));
    }

    @Test
    void membersAreComparedAsSchemasByDirection() {
      onlyBreak(check(input(of("allOf", "{'type':'object','properties':{'n':{'type':'integer','maximum':10}}}")),
              input(of("allOf", "{'type':'object','properties':{'n':{'type':'integer','maximum':5}}}"))),
          Rule.NUMERIC_RANGE_NARROWED_ON_INPUT, TARGET + "/allOf/0/properties/n/maximum");
    }

    @Test
    void aReferenceRewrittenAsAnAllOfOfItIsTheSameSchema() {
      // Foo's members are objects that can match the same value, so neither alone covers Foo.
      Consumer<ObjectNode> foo = d -> obj(d, "/components/schemas").set("Foo", json("{'oneOf':[" + C
          + ",{'type':'object','required':['id'],'properties':{'id':{'type':'integer'}}}]}"));
      String ref = "{'$ref':'#/components/schemas/Foo'}";
      String wrapped = "{'allOf':[" + ref + "],'description':'the foo'}";
      List<CompatibilityChecker.Result> bothWaysInBothDirections = List.of(
          check(foo.andThen(input(ref)), foo.andThen(input(wrapped))),
          check(foo.andThen(input(wrapped)), foo.andThen(input(ref))),
          check(foo.andThen(output(ref)), foo.andThen(output(wrapped))),
          check(foo.andThen(output(wrapped)), foo.andThen(output(ref))));
      for (CompatibilityChecker.Result r : bothWaysInBothDirections) {
        assertThat(r.breaking()).as(r.breaking().toString()).isEmpty();
        assertThat(r.changes()).as(r.changes().toString()).isEmpty();
      }
    }

    @Test
    void aRemovedOutputMemberThatAnUnchangedOneCoversIsNotComparedWithIt() {
      String tagged = "{'type':'object','properties':{'tag':{'type':'string'}}}";
      String name = "{'type':'object','properties':{'name':{'type':'string'},'size':{'type':'integer'}}}";
      CompatibilityChecker.Result r = check(output(of("allOf", name, tagged, C)), output(of("allOf", name, tagged)));
      onlyChange(compatible(r), ChangeKind.TIGHTENED_OUTPUT, OWNER + "/allOf/2");
      assertThat(r.changes()).as("size was there before").extracting(Change::kind)
          .doesNotContain(ChangeKind.ADDED_RESPONSE_PROPERTY);
    }

    @Test
    void wrappingASchemaInAnEqualAllOfMemberPasses() {
      compatible(check(input("{'type':'object','properties':{'name':{'type':'string'}}}"), input(of("allOf", C))));
      compatible(check(output("{'type':'object','properties':{'name':{'type':'string'}}}"), output(of("allOf", C))));
    }
  }

  @Nested
  class Negation {
    @Test
    void notIntroducedOnInputBreaksAndOnOutputPasses() {
      onlyBreak(check(input("{'type':'string'}"), input("{'type':'string','not':{'const':''}}")),
          Rule.COMPOSITION_NARROWED_ON_INPUT, TARGET + "/not");
      compatible(check(output("{'type':'string'}"), output("{'type':'string','not':{'const':''}}")));
    }

    @Test
    void notExcludingMoreOnInputBreaks() {
      onlyBreak(check(input("{'type':'string','not':{'const':'a'}}"), input("{'type':'string','not':{'type':'string'}}")),
          Rule.COMPOSITION_NARROWED_ON_INPUT, TARGET + "/not");
    }
  }

  @Nested
  class Recursion {
    private static final String NODE = "{'type':'object','properties':{'children':{'type':'array',"
        + "'items':{'$ref':'#/components/schemas/Node'}},'next':{'oneOf':[{'$ref':'#/components/schemas/Node'},"
        + "{'type':'null'}]}}}";

    private static void node(ObjectNode d) {
      obj(d, "/components/schemas").set("Node", json(NODE));
      obj(d, KEYS + "/properties").set("tree", json("{'$ref':'#/components/schemas/Node'}"));
      obj(d, REQ + "/properties").set("tree", json("{'$ref':'#/components/schemas/Node'}"));
    }

    @Test
    void recursiveSchemasEndAndAreComparedOnceInEachDirection() {
      CompatibilityChecker.Result r = check(Recursion::node,
          d -> obj(d, "/components/schemas/Node/properties").putObject("name").put("type", "string"));
      assertThat(r.breaking()).isEmpty();
      assertThat(r.changes()).extracting(Change::kind)
          .containsExactlyInAnyOrder(ChangeKind.ADDED_RESPONSE_PROPERTY, ChangeKind.ADDED_REQUEST_PROPERTY);
    }

    @Test
    void aBreakInsideARecursiveSchemaIsFoundInEachDirection() {
      CompatibilityChecker.Result r =
          check(Recursion::node, d -> obj(d, "/components/schemas/Node/properties").remove("children"));
      assertThat(r.breaking()).extracting(Finding::rule, Finding::pointer).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple(Rule.RESPONSE_PROPERTY_REMOVED, "/components/schemas/Node/properties/children"),
          org.assertj.core.groups.Tuple.tuple(Rule.REQUEST_PROPERTY_REMOVED, "/components/schemas/Node/properties/children"));
    }

    @Test
    void aPropertyMovedIntoAnAllOfMemberIsStillDeclared() {
      compatible(check(output("{'type':'object','properties':{'name':{'type':'string'},'id':{'type':'integer'}}}"),
          output("{'allOf':[{'$ref':'#/components/schemas/C'},{'properties':{'id':{'type':'integer'}}}]}")));
    }

    @Test
    void aPropertyDroppedFromEveryAllOfMemberIsRemoved() {
      onlyBreak(check(output("{'allOf':[{'$ref':'#/components/schemas/C'},{'properties':{'id':{'type':'integer'}}}]}"),
          output("{'allOf':[{'$ref':'#/components/schemas/C'}]}")),
          Rule.RESPONSE_PROPERTY_REMOVED, OWNER + "/allOf/1/properties/id");
    }
  }
}
