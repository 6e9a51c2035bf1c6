package ai.spice.cloud.spec.tool;

import static ai.spice.cloud.spec.tool.Fixtures.json;
import static ai.spice.cloud.spec.tool.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DerivedNamesTest {
  @Test
  void anOperationWithoutReviewedOperationIdGetsADerivedOneAndAWarning() {
    ObjectNode doc = json("{'paths':{'/v1/apps/{appId}/deployments':{'get':{'responses':{}},"
        + "'post':{'operationId':'createDeployment','responses':{}}}}}");

    Decorator.Outcome outcome = Decorator.apply(doc, null);

    assertEquals("getAppsByAppIdDeployments", doc.at("/paths/~1v1~1apps~1{appId}~1deployments/get/operationId").asText());
    assertEquals("createDeployment", doc.at("/paths/~1v1~1apps~1{appId}~1deployments/post/operationId").asText());
    assertEquals(List.of("/paths/~1v1~1apps~1{appId}~1deployments/get: no reviewed operationId; derived "
        + "\"getAppsByAppIdDeployments\". Review it: add operationId at this pointer in decorations.yaml"),
        outcome.warnings());
  }

  @Test
  void derivedOperationIdsAreDeterministicAndNeverTakeAnExistingOne() {
    ObjectNode doc = json("{'paths':{'/v2/apps':{'get':{'responses':{}}},'/v1/apps':{'get':{'responses':{}}},"
        + "'/v1/x':{'get':{'operationId':'getApps3','responses':{}}},'/v3/apps':{'get':{'responses':{}}}}}");

    Decorator.apply(doc, null);

    // Sorted by path: /v1/apps first, so the same document always gives the same names.
    assertEquals("getApps", doc.at("/paths/~1v1~1apps/get/operationId").asText());
    assertEquals("getApps2", doc.at("/paths/~1v2~1apps/get/operationId").asText());
    assertEquals("getApps4", doc.at("/paths/~1v3~1apps/get/operationId").asText());
  }

  @Test
  void anIntegerEnumNobodyNamedGetsDerivedNamesAndAStringEnumIsLeftToTheGenerator() {
    ObjectNode doc = json("{'components':{'schemas':{'S':{'type':'object','properties':{"
        + "'n':{'type':'integer','enum':[0,-1,2]},'s':{'type':'string','enum':['us-east-2','aws']},"
        + "'m':{'type':['integer','null'],'enum':[1,null]}}}}}}");

    Decorator.Outcome outcome = Decorator.apply(doc, null);

    assertEquals(node("['NUMBER_0','NUMBER_MINUS_1','NUMBER_2']"), doc.at("/components/schemas/S/properties/n/x-enum-varnames"));
    assertEquals(node("['NUMBER_1']"), doc.at("/components/schemas/S/properties/m/x-enum-varnames"));
    assertFalse(doc.at("/components/schemas/S/properties/s").has("x-enum-varnames"));
    assertEquals(List.of(
        "/components/schemas/S/properties/n: no reviewed name for enum value(s) 0 -> NUMBER_0, -1 -> NUMBER_MINUS_1, "
            + "2 -> NUMBER_2 (derived). Review them: add the value(s) to x-enum-varnames at this pointer in decorations.yaml",
        "/components/schemas/S/properties/m: no reviewed name for enum value(s) 1 -> NUMBER_1 (derived). Review them: "
            + "add the value(s) to x-enum-varnames at this pointer in decorations.yaml"),
        outcome.warnings());
  }

  @Test
  void enumConstantsReadLikeJavaConstantsAndStayUnique() {
    assertEquals("US_EAST_2", DerivedNames.enumConstant(node("'us-east-2'")));
    assertEquals("PROVIDER_NAME", DerivedNames.enumConstant(node("'providerName'")));
    assertEquals("_2X", DerivedNames.enumConstant(node("'2x'")));
    assertEquals("EMPTY", DerivedNames.enumConstant(node("''")));
    assertEquals("NUMBER_1_5", DerivedNames.enumConstant(node("1.5")));

    ObjectNode schema = json("{'enum':['a-b','a_b']}");
    DerivedNames.enumNames(schema, java.util.Map.of(), "/s");
    assertEquals(node("['A_B','A_B_2']"), schema.get("x-enum-varnames"));
  }
}
