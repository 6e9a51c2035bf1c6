package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Checks.KEYS;
import static ai.spice.cloud.spec.compat.Checks.REQ;
import static ai.spice.cloud.spec.compat.Checks.check;
import static ai.spice.cloud.spec.compat.Checks.compatible;
import static ai.spice.cloud.spec.compat.Checks.json;
import static ai.spice.cloud.spec.compat.Checks.onlyBreak;
import static ai.spice.cloud.spec.compat.TestDocs.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Which keywords the gate compares, ignores or reports as beyond it, and which documents it reads. */
class SchemaKeywordsTest {
  private static final String NOTE = REQ + "/properties/zzNote";

  private static ObjectNode note(ObjectNode d) {
    return (ObjectNode) obj(d, REQ + "/properties").putObject("zzNote").put("type", "string");
  }

  @Test
  void everyAnnotationAndExtensionMayChangeWithoutAFinding() {
    compatible(check(d -> {
      ObjectNode n = note(d);
      Keywords.ANNOTATIONS.forEach(k -> n.put(k, "before"));
      n.put("x-zz-extension", 1);
    }, d -> {
      ObjectNode n = note(d);
      Keywords.ANNOTATIONS.forEach(k -> n.set(k, json("{'changed':true}")));
      n.put("x-zz-extension", 2);
    }));
  }

  @Test
  void aKeywordTheGateDoesNotKnowIsAFindingWhenAddedChangedOrRemoved() {
    onlyBreak(check(d -> note(d), d -> note(d).put("zzNotAKeyword", true)), Rule.UNSUPPORTED_KEYWORD_CHANGED,
        NOTE + "/zzNotAKeyword");
    onlyBreak(check(d -> note(d).put("zzNotAKeyword", true), d -> note(d)), Rule.UNSUPPORTED_KEYWORD_CHANGED,
        NOTE + "/zzNotAKeyword");
    compatible(check(d -> note(d).put("zzNotAKeyword", true), d -> note(d).put("zzNotAKeyword", true)));
  }

  @Test
  void anUnknownKeywordNestedInAKnownOneIsFoundWhereItIs() {
    Finding f = onlyBreak(check(d -> note(d).putObject("propertyNames").put("zzNotAKeyword", 1),
        d -> note(d).putObject("propertyNames").put("zzNotAKeyword", 2)), Rule.UNSUPPORTED_KEYWORD_CHANGED,
        NOTE + "/propertyNames/zzNotAKeyword");
    assertThat(f.what()).isEqualTo("schema keyword zzNotAKeyword changed from 1 to 2");
  }

  @Test
  void keyNumbersDefaultOfOneStaysGuarded() {
    onlyBreak(check(d -> obj(d, REQ + "/properties/key_number").put("default", 2)), Rule.DEFAULT_CHANGED,
        REQ + "/properties/key_number/default");
  }

  @Test
  void swaggerTwoIsRefusedWithTheReason() {
    ObjectNode swagger = json("{'swagger':'2.0','paths':{}}").deepCopy();
    assertThatThrownBy(() -> CompatibilityChecker.compare(swagger, TestDocs.baseline()))
        .isInstanceOf(OpenApi30.UnsupportedDocumentException.class)
        .hasMessage("the baseline document is Swagger 2.0; only OpenAPI 3.0 and 3.1 are compared (convert it to"
            + " OpenAPI 3 first)");
  }

  @Test
  void anUnknownOpenApiVersionIsRefusedWithTheVersion() {
    ObjectNode future = TestDocs.baseline().put("openapi", "4.0.0");
    assertThatThrownBy(() -> CompatibilityChecker.compare(TestDocs.baseline(), future))
        .isInstanceOf(OpenApi30.UnsupportedDocumentException.class)
        .hasMessage("the current document is OpenAPI 4.0.0; only OpenAPI 3.0 and 3.1 are compared");
  }

  @Test
  void threeZeroNullableWithoutATypeHasNoEffectAndTheInputIsLeftAsItWas() {
    ObjectNode old = TestDocs.baseline().put("openapi", "3.0.3");
    obj(old, KEYS + "/properties").putObject("zzAny").put("nullable", true).putArray("allOf").addObject()
        .put("minLength", 1);
    ObjectNode cur = old.deepCopy();
    obj(cur, KEYS + "/properties/zzAny").remove("nullable");

    compatible(CompatibilityChecker.compare(old, cur));
    assertThat(old.at(KEYS + "/properties/zzAny/nullable").asBoolean()).isTrue();
  }

  @Test
  void threeZeroNullableIsReadInCallbacksToo() {
    ObjectNode doc = json("{'openapi':'3.0.3','paths':{'/zz':{'post':{'callbacks':{'zzDone':{'{$request.body#/url}':"
        + "{'post':{'requestBody':{'content':{'application/json':{'schema':{'type':'object','properties':"
        + "{'zzReason':{'type':'string','nullable':true}}}}}}}}}}}}}}").deepCopy();

    JsonNode read = OpenApi30.asThreeOne(doc, "baseline");

    assertThat(read.findValue("zzReason").get("type")).isEqualTo(json("['string','null']"));
    assertThat(doc.findValue("zzReason").has("nullable")).as("the input is not changed").isTrue();
  }
}
