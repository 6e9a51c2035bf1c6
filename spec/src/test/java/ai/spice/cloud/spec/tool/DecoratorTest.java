package ai.spice.cloud.spec.tool;

import static ai.spice.cloud.spec.tool.Fixtures.json;
import static ai.spice.cloud.spec.tool.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DecoratorTest {
  private static ObjectNode doc() {
    return json("{'info':{'title':'T'},'paths':{'/x':{'post':{'requestBody':{'content':{'application/json':"
        + "{'schema':{'type':'object','properties':{'k':{'type':'integer','enum':[0,1],'description':'d'}}}}}},"
        + "'responses':{'200':{'description':'ok'}}}}}}");
  }

  @Test
  void addsOperationIdsEnumNamesAndNamesAnInlineSchemaUnchanged() {
    ObjectNode doc = doc();
    ObjectNode inline = (ObjectNode) doc.at("/paths/~1x/post/requestBody/content/application~1json/schema").deepCopy();

    Decorator.apply(doc, node("{'paths':{'/x':{'post':{'operationId':'regen','requestBody':{'content':"
        + "{'application/json':{'schema':{'x-component-name':'Req','properties':{'k':{'x-enum-varnames':['A','B']}}}}}}}}}}"));

    assertEquals("regen", doc.at("/paths/~1x/post/operationId").asText());
    assertEquals(node("{'$ref':'#/components/schemas/Req'}"),
        doc.at("/paths/~1x/post/requestBody/content/application~1json/schema"));
    ((ObjectNode) inline.at("/properties/k")).set("x-enum-varnames", node("['A','B']"));
    assertEquals(inline, doc.at("/components/schemas/Req"));
  }

  @Test
  void cannotAddAPropertyOrAnythingThatChangesWhatAMessageMayContain() {
    SpecException e = assertThrows(SpecException.class, () -> Decorator.apply(doc(), node(
        "{'paths':{'/x':{'post':{'requestBody':{'content':{'application/json':{'schema':{'properties':"
            + "{'extra':{'type':'string'}}}}}}}}}}")));

    assertTrue(e.getMessage().startsWith("decorations /paths/~1x/post/requestBody/content/application~1json/schema/"
        + "properties/extra: not in the merged document"), e.getMessage());
    assertThrows(SpecException.class, () -> Decorator.apply(doc(), node("{'paths':{'/x':{'post':{'requestBody':"
        + "{'required':true}}}}}")));
    assertThrows(SpecException.class, () -> Decorator.apply(doc(), node("{'paths':{'/x':{'post':{'requestBody':"
        + "{'content':{'application/json':{'schema':{'properties':{'k':{'default':1}}}}}}}}}}")));
  }

  @Test
  void cannotOverwriteWhatUpstreamSays() {
    SpecException e = assertThrows(SpecException.class, () -> Decorator.apply(doc(), node(
        "{'paths':{'/x':{'post':{'requestBody':{'content':{'application/json':{'schema':{'properties':"
            + "{'k':{'description':'other'}}}}}}}}}}")));

    assertEquals("decorations /paths/~1x/post/requestBody/content/application~1json/schema/properties/k/description: "
        + "would overwrite what the upstream fragments say; decorations may only add", e.getMessage());
  }

  @Test
  void parametersAreDecoratedByNameAndLocation() {
    ObjectNode doc = json("{'paths':{'/x/{id}':{'get':{'parameters':[{'in':'query','name':'q','schema':{'type':'string'}},"
        + "{'in':'path','name':'id','required':true,'schema':{'type':'integer'}}]}}}}");

    Decorator.apply(doc, node("{'paths':{'/x/{id}':{'get':{'parameters':[{'name':'id','in':'path',"
        + "'schema':{'format':'int64'}}]}}}}"));

    assertEquals(node("{'type':'integer','format':'int64'}"), doc.at("/paths/~1x~1{id}/get/parameters/1/schema"));
    SpecException e = assertThrows(SpecException.class, () -> Decorator.apply(doc, node(
        "{'paths':{'/x/{id}':{'get':{'parameters':[{'name':'other','in':'path','schema':{'format':'int64'}}]}}}}")));
    assertEquals("decorations /paths/~1x~1{id}/get/parameters: no path parameter other in the merged document",
        e.getMessage());
  }

  @Test
  void enumNamesMustNameEveryValue() {
    SpecException e = assertThrows(SpecException.class, () -> Decorator.apply(doc(), node(
        "{'paths':{'/x':{'post':{'requestBody':{'content':{'application/json':{'schema':{'properties':"
            + "{'k':{'x-enum-varnames':['ONLY_ONE']}}}}}}}}}}")));

    assertTrue(e.getMessage().endsWith("must name each of the 2 values of the sibling \"enum\", in order"),
        e.getMessage());
  }


}
