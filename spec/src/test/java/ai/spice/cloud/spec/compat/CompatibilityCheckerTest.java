package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Checks.GET;
import static ai.spice.cloud.spec.compat.Checks.KEYS;
import static ai.spice.cloud.spec.compat.Checks.POST;
import static ai.spice.cloud.spec.compat.Checks.REGEN;
import static ai.spice.cloud.spec.compat.Checks.REQ;
import static ai.spice.cloud.spec.compat.Checks.check;
import static ai.spice.cloud.spec.compat.Checks.compatible;
import static ai.spice.cloud.spec.compat.Checks.onlyBreak;
import static ai.spice.cloud.spec.compat.Checks.onlyChange;
import static ai.spice.cloud.spec.compat.TestDocs.PATH_PTR;
import static ai.spice.cloud.spec.compat.TestDocs.arr;
import static ai.spice.cloud.spec.compat.TestDocs.baseline;
import static ai.spice.cloud.spec.compat.TestDocs.edited;
import static ai.spice.cloud.spec.compat.TestDocs.obj;
import static ai.spice.cloud.spec.compat.TestDocs.prop;
import static ai.spice.cloud.spec.compat.TestDocs.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Old/new pairs for every rule: each asserts the verdict and where the break is reported. */
class CompatibilityCheckerTest {
  @Nested
  class Benign {
    @Test
    void identicalDocumentsAreCompatible() {
      CompatibilityChecker.Result r = CompatibilityChecker.compare(baseline(), baseline());
      assertThat(r.breaking()).isEmpty();
      assertThat(r.changes()).isEmpty();
    }

    @Test
    void newOptionalResponseFieldPasses() {
      CompatibilityChecker.Result r = check(d -> obj(d, KEYS + "/properties").putObject("created_at")
          .put("type", "string"));
      assertThat(r.breaking()).isEmpty();
      Change c = onlyChange(r, ChangeKind.ADDED_RESPONSE_PROPERTY, KEYS + "/properties/created_at");
      assertThat(c.text()).isEqualTo("added response property created_at");
      assertThat(c.usedBy()).containsExactly("GET /v1/apps/{appId}/api-keys");
      assertThat(r.changes()).hasSize(1);
    }

    @Test
    void newOperationPassesAndIsNoted() {
      CompatibilityChecker.Result r = check(d -> obj(d, "/paths").putObject("/v1/apps/{appId}")
          .putObject("get").put("operationId", "getApp").putObject("responses").putObject("200")
          .put("description", "ok"));
      assertThat(r.breaking()).isEmpty();
      assertThat(onlyChange(r, ChangeKind.ADDED_OPERATION, "/paths/~1v1~1apps~1{appId}/get").text())
          .isEqualTo("added operation GET /v1/apps/{appId} (getApp)");
    }

    @Test
    void newOptionalQueryParameterPasses() {
      CompatibilityChecker.Result r = check(d -> arr(d, GET + "/parameters").addObject()
          .put("in", "query").put("name", "verbose").put("required", false)
          .putObject("schema").put("type", "boolean"));
      assertThat(r.breaking()).isEmpty();
      assertThat(onlyChange(r, ChangeKind.ADDED_OPTIONAL_PARAMETER, GET + "/parameters/1").text())
          .isEqualTo("added optional query parameter verbose on GET /v1/apps/{appId}/api-keys");
    }

    @Test
    void widenedEnumOnInputPasses() {
      CompatibilityChecker.Result r = check(d -> prop(d, "RegenerateApiKeyRequest", "key_number").withArray("enum")
          .add(3));
      assertThat(r.breaking()).isEmpty();
      assertThat(r.changes()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ChangeKind.ADDED_INPUT_ENUM_VALUE);
        assertThat(c.pointer()).isEqualTo(REQ + "/properties/key_number/enum");
        assertThat(c.text()).isEqualTo("request enum gained [3]");
      });
    }

    @Test
    void widenedTypeOnInputPassesAsARelaxation() {
      CompatibilityChecker.Result r =
          compatible(d -> prop(d, "RegenerateApiKeyRequest", "key_number").putArray("type").add("integer").add("null"));
      onlyChange(r, ChangeKind.RELAXED_CONSTRAINT, REQ + "/properties/key_number/type");
    }

    @Test
    void narrowedTypeArrayOnOutputPassesAsATightening() {
      // Consumers already handle strings; never receiving null any more breaks none of them.
      CompatibilityChecker.Result r = compatible(d -> prop(d, "ApiKeys", "api_key").put("type", "string"));
      onlyChange(r, ChangeKind.TIGHTENED_OUTPUT, KEYS + "/properties/api_key/type");
    }

    @Test
    void integerWidenedToInt64OnInputPasses() {
      compatible(d -> obj(d, GET + "/parameters/0/schema").put("format", "int64"));
    }

    @Test
    void droppedSecurityRequirementPassesAsARelaxation() {
      onlyChange(compatible(d -> obj(d, GET).putArray("security")), ChangeKind.RELAXED_SECURITY, GET + "/security");
    }

    @Test
    void removedErrorStatusPassesAndIsNoted() {
      CompatibilityChecker.Result r = check(d -> obj(d, GET + "/responses").remove("404"));
      assertThat(r.breaking()).isEmpty();
      assertThat(onlyChange(r, ChangeKind.REMOVED_ERROR_RESPONSE, GET + "/responses/404").text())
          .isEqualTo("error response 404 of GET /v1/apps/{appId}/api-keys is no longer documented");
    }

    @Test
    void renamedComponentWithSameShapePasses() {
      compatible(d -> {
        obj(d, "/components/schemas").set("ApiKeysV1", schema(d, "ApiKeys"));
        obj(d, "/components/schemas").remove("ApiKeys");
        obj(d, GET + "/responses/200/content/application~1json/schema").put("$ref", "#/components/schemas/ApiKeysV1");
      });
    }

    @Test
    void changedDescriptionsPass() {
      compatible(d -> {
        obj(d, GET).put("description", "something else");
        prop(d, "RegenerateApiKeyRequest", "key_number").put("description", "reworded");
      });
    }
  }

  @Nested
  class PathsAndOperations {
    @Test
    void removedPathBreaks() {
      onlyBreak(d -> obj(d, "/paths").remove("/v1/apps/{appId}/api-keys"), Rule.PATH_REMOVED, PATH_PTR);
    }

    @Test
    void removingAPathWithoutOperationsBreaksNobody() {
      compatible(check(d -> {
        obj(d, "/paths").set("/v1/zz-parameters-only", Checks.json("{'parameters':[{'in':'query','name':'q',"
            + "'schema':{'type':'string'}}]}"));
        obj(d, "/paths").putObject("/v1/zz-empty");
      }, d -> obj(d, "/paths").remove(List.of("/v1/zz-parameters-only", "/v1/zz-empty"))));
    }

    @Test
    void removingAPathWhoseOperationsLiveBehindARefBreaks() {
      onlyBreak(check(d -> {
        obj(d, "/components").putObject("pathItems").set("Zz",
            Checks.json("{'get':{'responses':{'204':{'description':'ok'}}}}"));
        obj(d, "/paths").set("/v1/zz-referenced", Checks.json("{'$ref':'#/components/pathItems/Zz'}"));
      }, d -> obj(d, "/paths").remove("/v1/zz-referenced")), Rule.PATH_REMOVED, "/paths/~1v1~1zz-referenced");
    }

    @Test
    void aPathItemMovedBehindARefComparesAsTheInlineOneBothWays() {
      ObjectNode inline = edited(d -> obj(d, PATH_PTR).putArray("parameters").add(Checks.json("{'in':'header',"
          + "'name':'X-Trace','schema':{'type':'string'}}")));
      // The operations go to components/pathItems; the path-level parameters stay beside the $ref.
      ObjectNode referenced = inline.deepCopy();
      ObjectNode item = obj(referenced, PATH_PTR).deepCopy();
      item.remove("parameters");
      obj(referenced, "/components").putObject("pathItems").set("ApiKeys", item);
      ObjectNode ref = obj(referenced, "/paths").putObject("/v1/apps/{appId}/api-keys");
      ref.put("$ref", "#/components/pathItems/ApiKeys");
      ref.set("parameters", obj(inline, PATH_PTR).get("parameters").deepCopy());

      for (CompatibilityChecker.Result r : List.of(CompatibilityChecker.compare(inline, referenced),
          CompatibilityChecker.compare(referenced, inline))) {
        assertThat(r.breaking()).as(r.breaking().toString()).isEmpty();
        assertThat(r.changes()).as(r.changes().toString()).isEmpty();
      }
      // The path-level parameter beside the $ref is compared too: made required, it breaks both operations.
      obj(referenced, PATH_PTR + "/parameters/0").put("required", true);
      assertThat(CompatibilityChecker.compare(inline, referenced).breaking())
          .extracting(Finding::rule, Finding::pointer, f -> List.copyOf(f.usedBy()))
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(Rule.PARAMETER_NOW_REQUIRED, PATH_PTR + "/parameters/0/required",
                  List.of("GET /v1/apps/{appId}/api-keys")),
              org.assertj.core.groups.Tuple.tuple(Rule.PARAMETER_NOW_REQUIRED, PATH_PTR + "/parameters/0/required",
                  List.of("POST /v1/apps/{appId}/api-keys")));
    }

    @Test
    void aFieldBesideAPathItemRefWinsOverTheReferencedOne() {
      // OpenAPI 3.1 leaves a conflict undefined; the gate takes the field written beside the $ref.
      Finding f = onlyBreak(d -> {
        ObjectNode item = obj(d, PATH_PTR).deepCopy();
        obj(d, "/components").putObject("pathItems").set("ApiKeys", item);
        ObjectNode ref = obj(d, "/paths").putObject("/v1/apps/{appId}/api-keys");
        ref.put("$ref", "#/components/pathItems/ApiKeys");
        ref.set("post", item.get("post").deepCopy());
        obj(ref, "/post").put("operationId", "rotateApiKey");
      }, Rule.OPERATION_ID_CHANGED, PATH_PTR + "/post/operationId");
      assertThat(f.document()).isEqualTo(Collector.CURRENT);
    }

    @Test
    void renamedPathBreaks() {
      Finding f = onlyBreak(d -> {
        obj(d, "/paths").set("/v1/apps/{appId}/keys", obj(d, PATH_PTR));
        obj(d, "/paths").remove("/v1/apps/{appId}/api-keys");
      }, Rule.PATH_REMOVED, PATH_PTR);
      assertThat(f.document()).isEqualTo("baseline");
    }

    @Test
    void removedOperationBreaks() {
      onlyBreak(d -> obj(d, PATH_PTR).remove("post"), Rule.OPERATION_REMOVED, POST);
    }

    @Test
    void renamedOperationIdBreaks() {
      onlyBreak(d -> obj(d, POST).put("operationId", "rotateApiKey"), Rule.OPERATION_ID_CHANGED, POST + "/operationId");
    }
  }

  @Nested
  class Parameters {
    @Test
    void renamedParameterBreaksAsRemovalPlusNewRequiredParameter() {
      List<Finding> found = check(d -> obj(d, GET + "/parameters/0").put("name", "id")).breaking();
      assertThat(found).extracting(Finding::rule, Finding::pointer).containsExactly(
          org.assertj.core.groups.Tuple.tuple(Rule.PARAMETER_REMOVED, GET + "/parameters/0"),
          org.assertj.core.groups.Tuple.tuple(Rule.PARAMETER_NOW_REQUIRED, GET + "/parameters/0"));
    }

    @Test
    void removedParameterBreaks() {
      ObjectNode old = edited(d -> arr(d, GET + "/parameters").addObject().put("in", "query").put("name", "page"));
      List<Finding> found = CompatibilityChecker.compare(old, baseline()).breaking();
      assertThat(found).extracting(Finding::rule, Finding::pointer, Finding::document).containsExactly(
          org.assertj.core.groups.Tuple.tuple(Rule.PARAMETER_REMOVED, GET + "/parameters/1", "baseline"));
      assertThat(found.get(0).what()).isEqualTo("query parameter page of GET /v1/apps/{appId}/api-keys was removed or renamed");
    }

    @Test
    void newRequiredParameterBreaks() {
      onlyBreak(d -> arr(d, GET + "/parameters").addObject().put("in", "header").put("name", "X-Org")
          .put("required", true), Rule.PARAMETER_NOW_REQUIRED, GET + "/parameters/1");
    }

    @Test
    void optionalParameterBecomingRequiredBreaks() {
      ObjectNode old = edited(d -> arr(d, GET + "/parameters").addObject().put("in", "query").put("name", "page"));
      ObjectNode cur = old.deepCopy();
      obj(cur, GET + "/parameters/1").put("required", true);
      List<Finding> found = CompatibilityChecker.compare(old, cur).breaking();
      assertThat(found).extracting(Finding::rule).containsExactly(Rule.PARAMETER_NOW_REQUIRED);
      assertThat(found.get(0).pointer()).isEqualTo(GET + "/parameters/1/required");
    }

    @Test
    void changedParameterTypeBreaks() {
      onlyBreak(d -> obj(d, GET + "/parameters/0/schema").put("type", "string"),
          Rule.TYPE_CHANGED, GET + "/parameters/0/schema/type");
    }

    @Test
    void narrowedParameterFormatBreaks() {
      ObjectNode old = baseline();
      ObjectNode cur = edited(d -> obj(d, GET + "/parameters/0/schema").remove("format"));
      List<Finding> found = CompatibilityChecker.compare(old, cur).breaking();
      assertThat(found).extracting(Finding::rule, Finding::pointer)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.FORMAT_CHANGED, GET + "/parameters/0/schema/format"));
    }
  }

  @Nested
  class RequestBodies {
    @Test
    void requiredBodyBreaks() {
      onlyBreak(d -> obj(d, POST + "/requestBody").put("required", true),
          Rule.REQUEST_BODY_NOW_REQUIRED, POST + "/requestBody/required");
    }

    @Test
    void requiredPropertyInRequestSchemaBreaks() {
      Finding f = onlyBreak(d -> schema(d, "RegenerateApiKeyRequest").putArray("required").add("key_number"),
          Rule.REQUIRED_PROPERTY_ADDED, REQ + "/required");
      assertThat(f.what()).contains("key_number");
      assertThat(f.usedBy()).containsExactly("POST /v1/apps/{appId}/api-keys");
    }

    @Test
    void removedRequestPropertyBreaks() {
      onlyBreak(d -> obj(d, REQ + "/properties").remove("key_number"),
          Rule.REQUEST_PROPERTY_REMOVED, REQ + "/properties/key_number");
    }

    @Test
    void removedRequestMediaTypeBreaks() {
      onlyBreak(d -> {
        ObjectNode content = obj(d, POST + "/requestBody/content");
        content.set("application/merge-patch+json", content.get("application/json"));
        content.remove("application/json");
      }, Rule.REQUEST_MEDIA_TYPE_REMOVED, POST + "/requestBody/content/application~1json");
    }

    @Test
    void changedDefaultBreaks() {
      Finding f = onlyBreak(d -> prop(d, "RegenerateApiKeyRequest", "key_number").put("default", 2),
          Rule.DEFAULT_CHANGED, REQ + "/properties/key_number/default");
      assertThat(f.what()).isEqualTo("default changed from 1 to 2");
      assertThat(f.why()).contains("a different key is regenerated");
    }

    @Test
    void removedDefaultBreaks() {
      Finding f = onlyBreak(d -> prop(d, "RegenerateApiKeyRequest", "key_number").remove("default"),
          Rule.DEFAULT_CHANGED, REQ + "/properties/key_number/default");
      assertThat(f.document()).isEqualTo("baseline");
    }

    @Test
    void narrowedInputEnumBreaks() {
      Finding f = onlyBreak(d -> prop(d, "RegenerateApiKeyRequest", "key_number").putArray("enum").add(1).add(2),
          Rule.ENUM_NARROWED, REQ + "/properties/key_number/enum");
      assertThat(f.what()).contains("[0]");
    }

    @Test
    void newEnumOnFreeInputBreaks() {
      ObjectNode old = edited(d -> prop(d, "RegenerateApiKeyRequest", "key_number").remove("enum"));
      List<Finding> found = CompatibilityChecker.compare(old, baseline()).breaking();
      assertThat(found).extracting(Finding::rule).containsExactly(Rule.ENUM_NARROWED);
    }

    @Test
    void narrowedInputTypeBreaks() {
      onlyBreak(d -> prop(d, "RegenerateApiKeyRequest", "key_number").put("type", "string"),
          Rule.TYPE_CHANGED, REQ + "/properties/key_number/type");
    }
  }

  @Nested
  class Responses {
    @Test
    void removedResponsePropertyBreaks() {
      Finding f = onlyBreak(d -> obj(d, KEYS + "/properties").remove("api_key_2"),
          Rule.RESPONSE_PROPERTY_REMOVED, KEYS + "/properties/api_key_2");
      assertThat(f.usedBy()).containsExactly("GET /v1/apps/{appId}/api-keys");
    }

    @Test
    void renamedResponsePropertyBreaks() {
      onlyBreak(d -> {
        ObjectNode props = obj(d, REGEN + "/properties");
        props.set("key_regenerated", props.get("regenerated_key"));
        props.remove("regenerated_key");
      }, Rule.RESPONSE_PROPERTY_REMOVED, REGEN + "/properties/regenerated_key");
    }

    @Test
    void changedResponseTypeBreaks() {
      onlyBreak(d -> prop(d, "ApiKeysRegenerated", "regenerated_key").put("type", "string"),
          Rule.TYPE_CHANGED, REGEN + "/properties/regenerated_key/type");
    }

    @Test
    void nullAddedToResponseTypeArrayBreaks() {
      Finding f = onlyBreak(d -> prop(d, "ApiKeysRegenerated", "regenerated_key").putArray("type").add("integer").add("null"),
          Rule.TYPE_CHANGED, REGEN + "/properties/regenerated_key/type");
      assertThat(f.what()).contains("may now return [null]");
    }

    @Test
    void integerWidenedToNumberOnOutputBreaks() {
      onlyBreak(d -> prop(d, "ApiKeysRegenerated", "regenerated_key").put("type", "number"),
          Rule.TYPE_CHANGED, REGEN + "/properties/regenerated_key/type");
    }

    @Test
    void narrowedResponseEnumBreaks() {
      onlyBreak(d -> prop(d, "ApiKeysRegenerated", "regenerated_key").putArray("enum").add(0).add(1),
          Rule.ENUM_NARROWED, REGEN + "/properties/regenerated_key/enum");
    }

    @Test
    void widenedResponseEnumBreaks() {
      onlyBreak(d -> prop(d, "ApiKeysRegenerated", "regenerated_key").withArray("enum").add(3),
          Rule.ENUM_WIDENED_ON_OUTPUT, REGEN + "/properties/regenerated_key/enum");
    }

    @Test
    void propertyNoLongerRequiredBreaks() {
      ObjectNode old = edited(d -> schema(d, "ApiKeys").putArray("required").add("api_key"));
      List<Finding> found = CompatibilityChecker.compare(old, baseline()).breaking();
      assertThat(found).extracting(Finding::rule).containsExactly(Rule.RESPONSE_PROPERTY_NO_LONGER_REQUIRED);
      assertThat(found.get(0).pointer()).isEqualTo(KEYS + "/required");
    }

    @Test
    void removedSuccessStatusBreaks() {
      onlyBreak(d -> {
        ObjectNode responses = obj(d, POST + "/responses");
        responses.set("201", responses.get("200"));
        responses.remove("200");
      }, Rule.RESPONSE_STATUS_REMOVED, POST + "/responses/200");
    }

    @Test
    void removedSuccessMediaTypeBreaks() {
      onlyBreak(d -> {
        ObjectNode content = obj(d, GET + "/responses/200/content");
        content.set("application/vnd.spice.v2+json", content.get("application/json"));
        content.remove("application/json");
      }, Rule.RESPONSE_MEDIA_TYPE_REMOVED, GET + "/responses/200/content/application~1json");
    }

    @Test
    void compositionIntroducedOnOutputThatFitsThePropertyPasses() {
      // Narrowing what is returned to a oneOf of strings breaks nobody (it was "flagged wholesale" before).
      compatible(d -> prop(d, "ApiKeys", "api_key").putArray("oneOf").addObject().put("type", "string"));
    }
  }

  @Nested
  class Security {
    @Test
    void differentSchemeOnOperationBreaks() {
      onlyBreak(d -> {
        obj(d, "/components/securitySchemes").putObject("ApiKeyHeader").put("type", "apiKey")
            .put("in", "header").put("name", "X-Api-Key");
        obj(d, GET).putArray("security").addObject().putArray("ApiKeyHeader");
      }, Rule.SECURITY_CHANGED, GET + "/security");
    }

    @Test
    void newScopeRequirementBreaks() {
      onlyBreak(d -> obj(d, POST).putArray("security").addObject().putArray("BearerAuth").add("apps:write"),
          Rule.SECURITY_CHANGED, POST + "/security");
    }

    @Test
    void securityAddedToAnonymousOperationBreaks() {
      ObjectNode old = edited(d -> obj(d, GET).putArray("security"));
      List<Finding> found = CompatibilityChecker.compare(old, baseline()).breaking();
      assertThat(found).extracting(Finding::rule, Finding::pointer)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.SECURITY_CHANGED, "/security"));
    }

    @Test
    void changedSchemeTypeBreaks() {
      onlyBreak(d -> obj(d, "/components/securitySchemes/BearerAuth").put("scheme", "basic"),
          Rule.SECURITY_SCHEME_CHANGED, "/components/securitySchemes/BearerAuth/scheme");
    }

    @Test
    void schemeNameIsCaseInsensitive() {
      compatible(d -> obj(d, "/components/securitySchemes/BearerAuth").put("scheme", "Bearer"));
    }

    @Test
    void removingASchemeNoOperationAsksForIsCompatible() {
      CompatibilityChecker.Result r = check(
          d -> obj(d, "/components/securitySchemes").putObject("ZzUnusedScheme").put("type", "http")
              .put("scheme", "basic"),
          d -> { });
      assertThat(r.breaking()).isEmpty();
    }

    @Test
    void removedSchemeBreaks() {
      List<Finding> found = check(d -> {
        ObjectNode schemes = obj(d, "/components/securitySchemes");
        schemes.set("Bearer", schemes.get("BearerAuth"));
        schemes.remove("BearerAuth");
        arr(d, "/security").removeAll().addObject().putArray("Bearer");
      }).breaking();
      assertThat(found).extracting(Finding::rule, Finding::pointer).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple(Rule.SECURITY_SCHEME_CHANGED, "/components/securitySchemes/BearerAuth"),
          org.assertj.core.groups.Tuple.tuple(Rule.SECURITY_CHANGED, "/security"));
      // Both operations inherit the root requirement: one finding, both uses listed.
      assertThat(found).filteredOn(f -> f.rule() == Rule.SECURITY_CHANGED).singleElement()
          .satisfies(f -> assertThat(f.usedBy()).hasSize(2));
    }
  }
}
