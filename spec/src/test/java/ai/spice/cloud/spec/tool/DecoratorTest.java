package ai.spice.cloud.spec.tool;

import static ai.spice.cloud.spec.tool.Fixtures.json;
import static ai.spice.cloud.spec.tool.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecoratorTest {
  private static final String BODY = "/paths/~1x/post/requestBody/content/application~1json";
  private static final String SCHEMA = BODY + "/schema";

  /** One operation, already named, with an inline request schema holding an integer enum. */
  private static ObjectNode doc() {
    return json("{'info':{'title':'T'},'paths':{'/x':{'post':{'operationId':'regen','requestBody':{'content':"
        + "{'application/json':{'schema':{'type':'object','properties':{'k':{'type':'integer','enum':[0,1],"
        + "'description':'d'},'s':{'type':'string'}}}}}},'responses':{'200':{'description':'ok'}}}}}}");
  }

  /** {@link #doc()} as decorating it with nothing leaves it: the unnamed integer enum gets derived names. */
  private static ObjectNode undecorated() {
    ObjectNode doc = doc();
    Decorator.apply(doc, null);
    return doc;
  }

  /** The decoration tree for the request schema, e.g. {@code schema("'x-component-name':'Req'")}. */
  private static ObjectNode schema(String members) {
    return json("{'paths':{'/x':{'post':{'requestBody':{'content':{'application/json':{'schema':{" + members
        + "}}}}}}}}");
  }

  @Test
  void addsOperationIdsEnumNamesAndNamesAnInlineSchemaUnchanged() {
    ObjectNode doc = doc();
    ((ObjectNode) doc.at("/paths/~1x/post")).remove("operationId");
    ObjectNode inline = (ObjectNode) doc.at(SCHEMA).deepCopy();

    Decorator.Outcome outcome = Decorator.apply(doc, node("{'paths':{'/x':{'post':{'operationId':'regen',"
        + "'requestBody':{'content':{'application/json':{'schema':{'x-component-name':'Req','properties':"
        + "{'k':{'x-enum-varnames':{'1':'ONE','0':'ZERO'},'x-enum-descriptions':{'0':'none'}}}}}}}}}}}"));

    assertEquals("regen", doc.at("/paths/~1x/post/operationId").asText());
    assertEquals(node("{'$ref':'#/components/schemas/Req'}"), doc.at(SCHEMA));
    // Names follow the enum's order whatever order the decoration lists them in.
    ((ObjectNode) inline.at("/properties/k")).set("x-enum-varnames", node("['ZERO','ONE']"));
    ((ObjectNode) inline.at("/properties/k")).set("x-enum-descriptions", node("['none','']"));
    assertEquals(inline, doc.at("/components/schemas/Req"));
    assertEquals(List.of(SCHEMA + ": inline schema named #/components/schemas/Req"), outcome.namedSchemas());
    assertEquals(List.of(), outcome.warnings());
    assertEquals(List.of(), outcome.stale());
  }

  @Test
  void aDecorationThatWouldAddAPropertyIsNotAppliedAndIsReportedWithItsPointer() {
    ObjectNode doc = doc();

    Decorator.Outcome outcome = Decorator.apply(doc, schema("'properties':{'extra':{'type':'string'}}"));

    assertEquals(undecorated(), doc);
    assertEquals(List.of(SCHEMA + "/properties/extra: not in the merged document (decorations may only add "
        + "[contact, description, example, examples, format, license, operationId, summary] to what upstream has)"),
        outcome.stale());
  }

  @Test
  void noKeyThatConstrainsAMessageCanBeAdded() {
    for (String members : List.of("'required':['k']", "'properties':{'k':{'default':1}}",
        "'properties':{'k':{'minimum':0}}", "'additionalProperties':false", "'properties':{'k':{'enum':[0]}}")) {
      ObjectNode doc = doc();

      Decorator.Outcome outcome = Decorator.apply(doc, schema(members));

      assertEquals(undecorated(), doc, members);
      assertEquals(1, outcome.stale().size(), members + ": " + outcome.stale());
    }
  }

  @Test
  void aDecorationThatWouldOverwriteWhatUpstreamSaysIsNotApplied() {
    ObjectNode doc = doc();

    Decorator.Outcome outcome = Decorator.apply(doc, schema("'properties':{'k':{'description':'other'}}"));

    assertEquals("d", doc.at(SCHEMA + "/properties/k/description").asText());
    assertEquals(List.of(SCHEMA + "/properties/k/description: would overwrite what upstream says (\"d\")"),
        outcome.stale());
  }

  @Test
  void anOperationIdUpstreamNowGivesItselfWinsOverTheDecoration() {
    ObjectNode doc = doc();

    Decorator.Outcome outcome = Decorator.apply(doc, node("{'paths':{'/x':{'post':{'operationId':'mine'}}}}"));

    assertEquals("regen", doc.at("/paths/~1x/post/operationId").asText());
    assertEquals(List.of("/paths/~1x/post/operationId: would overwrite what upstream says (\"regen\")"),
        outcome.stale());
  }

  @Test
  void decorationsOfAPathUpstreamNoLongerHasAreReportedOnceAtTheMissingPointer() {
    ObjectNode doc = doc();

    Decorator.Outcome outcome = Decorator.apply(doc, node("{'paths':{'/gone':{'get':{'operationId':'old',"
        + "'responses':{'200':{'description':'x'}}}}}}"));

    assertEquals(undecorated(), doc);
    assertEquals(1, outcome.stale().size(), outcome.stale().toString());
    assertTrue(outcome.stale().get(0).startsWith("/paths/~1gone: not in the merged document"), outcome.stale().get(0));
  }

  @Test
  void parametersAreDecoratedByNameAndLocationAndAVanishedOneIsStale() {
    ObjectNode doc = json("{'paths':{'/x/{id}':{'get':{'operationId':'g','parameters':[{'in':'query','name':'q',"
        + "'schema':{'type':'string'}},{'in':'path','name':'id','required':true,'schema':{'type':'integer'}}]}}}}");

    Decorator.Outcome outcome = Decorator.apply(doc, node("{'paths':{'/x/{id}':{'get':{'parameters':["
        + "{'name':'id','in':'path','schema':{'format':'int64'}},{'name':'other','in':'path','schema':{'format':'int64'}}]}}}}"));

    assertEquals(node("{'type':'integer','format':'int64'}"), doc.at("/paths/~1x~1{id}/get/parameters/1/schema"));
    assertEquals(List.of("/paths/~1x~1{id}/get/parameters: no path parameter other in the merged document"),
        outcome.stale());
  }

  @Test
  void aWidthForASchemaThatIsNoLongerAnIntegerIsStale() {
    ObjectNode doc = doc();

    Decorator.Outcome outcome = Decorator.apply(doc, schema("'properties':{'s':{'format':'int64'}}"));

    assertEquals(undecorated(), doc);
    assertEquals(List.of(SCHEMA + "/properties/s/format: the schema is no longer an integer, so it has no width to give"),
        outcome.stale());
  }

  @Test
  void anEnumValueWithoutAReviewedNameGetsADerivedOneAndAWarning() {
    ObjectNode doc = doc();
    ((ObjectNode) doc.at(SCHEMA + "/properties/k")).withArray("enum").add(2);

    Decorator.Outcome outcome = Decorator.apply(doc, schema("'properties':{'k':{'x-enum-varnames':{'0':'ZERO','1':'ONE'}}}"));

    assertEquals(node("['ZERO','ONE','NUMBER_2']"), doc.at(SCHEMA + "/properties/k/x-enum-varnames"));
    assertEquals(List.of(SCHEMA + "/properties/k: no reviewed name for enum value(s) 2 -> NUMBER_2 (derived). Review "
        + "them: add the value(s) to x-enum-varnames at this pointer in decorations.yaml"), outcome.warnings());
    assertEquals(List.of(), outcome.stale());
  }

  @Test
  void aNameForAnEnumValueUpstreamDroppedIsStaleAndTheOthersStillApply() {
    ObjectNode doc = doc();

    Decorator.Outcome outcome = Decorator.apply(doc, schema(
        "'properties':{'k':{'x-enum-varnames':{'0':'ZERO','1':'ONE','2':'TWO'}}}"));

    assertEquals(node("['ZERO','ONE']"), doc.at(SCHEMA + "/properties/k/x-enum-varnames"));
    assertEquals(List.of(SCHEMA + "/properties/k/x-enum-varnames/2: the enum no longer has the value 2"), outcome.stale());
  }

  @Test
  void enumNamesWhereUpstreamHasNoEnumAnyMoreAreStale() {
    ObjectNode doc = doc();

    Decorator.Outcome outcome = Decorator.apply(doc, schema("'properties':{'s':{'x-enum-varnames':{'a':'A'}}}"));

    assertEquals(undecorated(), doc);
    assertEquals(List.of(SCHEMA + "/properties/s/x-enum-varnames: there is no enum here any more"), outcome.stale());
  }

  @Test
  void anExampleTheSchemaRejectsIsNotAppliedAndAValidOneIs() {
    ObjectNode doc = doc();

    Decorator.Outcome outcome = Decorator.apply(doc, node("{'paths':{'/x':{'post':{'requestBody':{'content':"
        + "{'application/json':{'example':{'k':7},'schema':{'properties':{'s':{'example':'fine'}}}}}}}}}}"));

    assertTrue(doc.at(BODY + "/example").isMissingNode());
    assertEquals("fine", doc.at(SCHEMA + "/properties/s/example").asText());
    assertEquals(1, outcome.stale().size(), outcome.stale().toString());
    assertTrue(outcome.stale().get(0).startsWith(BODY + "/example: the example is not valid for the schema upstream "
        + "now publishes ("), outcome.stale().get(0));
  }

  @Test
  void namingASchemaUpstreamNowRefersToIsStale() {
    ObjectNode doc = doc();
    ((ObjectNode) doc.at(BODY)).putObject("schema").put("$ref", "#/components/schemas/Upstream");
    doc.putObject("components").putObject("schemas").putObject("Upstream").put("type", "object");

    Decorator.Outcome outcome = Decorator.apply(doc, schema("'x-component-name':'Req'"));

    assertEquals("#/components/schemas/Upstream", doc.at(SCHEMA + "/$ref").asText());
    assertTrue(doc.at("/components/schemas/Req").isMissingNode());
    assertEquals(List.of(SCHEMA + "/x-component-name: upstream refers to #/components/schemas/Upstream there now, so "
        + "there is nothing to name"), outcome.stale());
  }

  @Test
  void aNameUpstreamAlreadyUsesForOtherContentIsStale() {
    ObjectNode doc = doc();
    doc.putObject("components").putObject("schemas").putObject("Req").put("type", "string");

    Decorator.Outcome outcome = Decorator.apply(doc, schema("'x-component-name':'Req'"));

    assertEquals("object", doc.at(SCHEMA + "/type").asText());
    assertEquals(List.of(SCHEMA + "/x-component-name: #/components/schemas/Req already exists with other content"),
        outcome.stale());
  }

  @Test
  void onlyASchemaCanBeNamed() {
    ObjectNode doc = doc();

    Decorator.Outcome outcome = Decorator.apply(doc, node("{'paths':{'/x':{'post':{'requestBody':{'x-component-name':'B'}}}}}"));

    assertEquals(undecorated(), doc);
    assertEquals(List.of("/paths/~1x/post/requestBody/x-component-name: no inline schema there to name B"),
        outcome.stale());
  }

  @Test
  void aMalformedDecorationFileFailsWhateverUpstreamSays() {
    assertMalformed(schema("'x-component-name':'not a name'"), SCHEMA + "/x-component-name: must be a schema name");
    assertMalformed(schema("'properties':{'k':{'x-enum-varnames':['ZERO','ONE']}}"),
        SCHEMA + "/properties/k/x-enum-varnames: must map each enum value to its constant name, e.g. {0: BOTH, 1: PRIMARY}");
    assertMalformed(schema("'properties':{'k':{'x-enum-varnames':{'0':'A','1':'A'}}}"),
        SCHEMA + "/properties/k/x-enum-varnames/1: must be a constant name used once, not \"A\"");
    assertMalformed(schema("'properties':{'k':{'format':'email'}}"),
        SCHEMA + "/properties/k/format: a decoration may only give an integer's width, [int32, int64]");
    assertMalformed(node("{'paths':{'/x':{'post':{'parameters':[{'name':'id'}]}}}}"),
        "/paths/~1x/post/parameters: array entries must name a parameter by \"name\" and \"in\"");
  }

  private static void assertMalformed(com.fasterxml.jackson.databind.JsonNode decorations, String message) {
    SpecException e = assertThrows(SpecException.class, () -> Decorator.apply(doc(), decorations));
    assertEquals("decorations " + message, e.getMessage());
  }
}
