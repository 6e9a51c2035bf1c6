package ai.spice.cloud.spec.tool;

import static ai.spice.cloud.spec.tool.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecChecksTest {
  private static ObjectNode withKeyNumber(String keyNumberSchema) {
    return json("{'openapi':'3.1.0','info':{'title':'T','version':'v1'},'paths':{'/x':{'post':{"
        + "'operationId':'regenerate','requestBody':{'content':{'application/json':{'schema':{'type':'object',"
        + "'properties':{'key_number':" + keyNumberSchema + "}}}}},"
        + "'responses':{'200':{'description':'ok'}}}}}}");
  }

  private static List<String> check(ObjectNode doc) {
    return SpecChecks.check(doc, SpecTool.toYaml(doc));
  }

  @Test
  void theCommittedDocumentPassesEveryCheck() {
    SpecTool.Result result = SpecTool.derive(Fixtures.specModule());

    assertEquals(List.of(), SpecChecks.check(result.document(), result.text()));
  }

  @Test
  void aDefaultOutsideItsEnumIsNamedWithItsPointer() {
    List<String> problems = check(withKeyNumber("{'type':'integer','enum':[0,1,2],'default':3}"));

    assertEquals(List.of("/paths/~1x/post/requestBody/content/application~1json/schema/properties/key_number/default: "
        + "3 is not one of its enum [0,1,2]"), problems);
  }

  @Test
  void aDefaultOfTheWrongTypeIsRejectedEvenWithoutAnEnum() {
    List<String> problems = check(withKeyNumber("{'type':'integer','default':'1'}"));

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("key_number/default: \"1\" is not valid for its schema"), problems.get(0));
  }

  @Test
  void theValidDefaultOfOnePasses() {
    assertEquals(List.of(), check(withKeyNumber("{'type':'integer','enum':[0,1,2],'default':1}")));
  }

  @Test
  void anOperationWithoutOperationIdIsReported() {
    ObjectNode doc = withKeyNumber("{'type':'integer'}");
    ((ObjectNode) doc.at("/paths/~1x/post")).remove("operationId");

    assertEquals(List.of("/paths/~1x/post: no operationId"), check(doc));
  }

  @Test
  void aDanglingRefIsReported() {
    ObjectNode doc = withKeyNumber("{'$ref':'#/components/schemas/Missing'}");

    assertEquals(List.of("/paths/~1x/post/requestBody/content/application~1json/schema/properties/key_number/$ref: "
        + "$ref #/components/schemas/Missing does not resolve"), SpecChecks.refs(doc, doc, ""));
    assertTrue(check(doc).stream().anyMatch(p -> p.contains("Missing does not resolve")));
  }

  @Test
  void swaggerParserMessagesFailTheDocument() {
    ObjectNode doc = withKeyNumber("{'type':'integer'}");
    ((ObjectNode) doc.at("/paths/~1x/post")).remove("responses");

    List<String> problems = check(doc);

    assertTrue(problems.stream().anyMatch(p -> p.startsWith("swagger-parser: ") && p.contains("responses")),
        problems.toString());
  }

  @Test
  void anExampleThatContradictsItsSchemaIsReported() {
    ObjectNode doc = withKeyNumber("{'type':'integer','enum':[0,1,2]}");
    ((ObjectNode) doc.at("/paths/~1x/post/requestBody/content/application~1json")).set("example",
        json("{'key_number': 9}"));

    List<String> problems = check(doc);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("/paths/~1x/post/requestBody/content/application~1json/example: "));
  }

  @Test
  void componentSchemasMustBeValidJsonSchema2020() {
    assertTrue(SchemaValidator.checkAgainstMetaSchema(json("{'type':'object'}")).isEmpty());
    assertTrue(SchemaValidator.checkAgainstMetaSchema(json("{'type':'strng'}")).size() > 0);
    assertTrue(SchemaValidator.checkAgainstMetaSchema(json("{'type':['string','null'],'minLength':-1}")).size() > 0);
  }
}
