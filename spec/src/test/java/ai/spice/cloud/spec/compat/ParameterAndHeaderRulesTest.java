package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Checks.GET;
import static ai.spice.cloud.spec.compat.Checks.POST;
import static ai.spice.cloud.spec.compat.Checks.check;
import static ai.spice.cloud.spec.compat.Checks.compatible;
import static ai.spice.cloud.spec.compat.Checks.onlyBreak;
import static ai.spice.cloud.spec.compat.Checks.onlyChange;
import static ai.spice.cloud.spec.compat.TestDocs.PATH_PTR;
import static ai.spice.cloud.spec.compat.TestDocs.arr;
import static ai.spice.cloud.spec.compat.TestDocs.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** New required parameters in every location, response headers, and path-parameter renames. */
class ParameterAndHeaderRulesTest {
  private static final String OK_HEADERS = GET + "/responses/200/headers";

  private static Consumer<ObjectNode> param(String in, String name, boolean required) {
    return d -> arr(d, GET + "/parameters").addObject().put("in", in).put("name", name).put("required", required)
        .putObject("schema").put("type", "string");
  }

  @Nested
  class NewParameters {
    @Test
    void newRequiredQueryParameterBreaks() {
      onlyBreak(param("query", "region", true), Rule.PARAMETER_NOW_REQUIRED, GET + "/parameters/1");
    }

    @Test
    void newRequiredHeaderParameterBreaks() {
      Finding f = onlyBreak(param("header", "X-Org-Name", true), Rule.PARAMETER_NOW_REQUIRED, GET + "/parameters/1");
      assertThat(f.what()).isEqualTo("new required header parameter X-Org-Name on GET /v1/apps/{appId}/api-keys");
    }

    @Test
    void newRequiredCookieParameterBreaks() {
      onlyBreak(param("cookie", "session", true), Rule.PARAMETER_NOW_REQUIRED, GET + "/parameters/1");
    }

    @Test
    void newOptionalHeaderParameterPasses() {
      onlyChange(compatible(param("header", "X-Org-Name", false)), ChangeKind.ADDED_OPTIONAL_PARAMETER,
          GET + "/parameters/1");
    }

    @Test
    void headerParameterNamesAreCaseInsensitive() {
      CompatibilityChecker.Result r = check(param("header", "X-Org-Name", false),
          d -> obj(d, GET + "/parameters/1").put("name", "x-org-name"));
      assertThat(r.breaking()).isEmpty();
      assertThat(r.changes()).isEmpty();
    }

    @Test
    void queryParameterNamesAreCaseSensitive() {
      CompatibilityChecker.Result r = check(param("query", "region", false),
          d -> obj(d, GET + "/parameters/1").put("name", "Region"));
      assertThat(r.breaking()).extracting(Finding::rule).containsExactly(Rule.PARAMETER_REMOVED);
    }

    @Test
    void authorizationHeaderParameterIsIgnoredAsOpenApiSays() {
      compatible(param("header", "Authorization", true));
    }

    @Test
    void optionalParameterTypeIsComparedAsInput() {
      onlyBreak(check(param("query", "region", false), d -> obj(d, GET + "/parameters/1/schema").put("type", "integer")),
          Rule.TYPE_CHANGED, GET + "/parameters/1/schema/type");
    }
  }

  @Nested
  class ResponseHeaders {
    private static void rateLimit(ObjectNode d) {
      ObjectNode h = obj(d, GET + "/responses/200").putObject("headers").putObject("X-RateLimit-Remaining");
      h.put("required", true).putObject("schema").put("type", "integer");
    }

    @Test
    void removedResponseHeaderBreaksAtTheBaseline() {
      Finding f = onlyBreak(check(ResponseHeaders::rateLimit, d -> obj(d, GET + "/responses/200").remove("headers")),
          Rule.RESPONSE_HEADER_REMOVED, OK_HEADERS + "/X-RateLimit-Remaining");
      assertThat(f.document()).isEqualTo("baseline");
    }

    @Test
    void responseHeaderMadeOptionalBreaks() {
      onlyBreak(check(ResponseHeaders::rateLimit, d -> obj(d, OK_HEADERS + "/X-RateLimit-Remaining").put("required", false)),
          Rule.RESPONSE_HEADER_NO_LONGER_REQUIRED, OK_HEADERS + "/X-RateLimit-Remaining/required");
    }

    @Test
    void responseHeaderRetypedBreaks() {
      onlyBreak(check(ResponseHeaders::rateLimit,
              d -> obj(d, OK_HEADERS + "/X-RateLimit-Remaining/schema").put("type", "number")),
          Rule.TYPE_CHANGED, OK_HEADERS + "/X-RateLimit-Remaining/schema/type");
    }

    @Test
    void responseHeaderConstraintsAreComparedAsOutput() {
      onlyBreak(check(d -> {
        rateLimit(d);
        obj(d, OK_HEADERS + "/X-RateLimit-Remaining/schema").put("maximum", 100);
      }, d -> obj(d, OK_HEADERS + "/X-RateLimit-Remaining/schema").put("maximum", 1000)),
          Rule.NUMERIC_RANGE_WIDENED_ON_OUTPUT, OK_HEADERS + "/X-RateLimit-Remaining/schema/maximum");
    }

    @Test
    void headerOfAnErrorResponseCountsToo() {
      // The client honours Retry-After on 429: dropping it changes its behaviour.
      onlyBreak(check(d -> obj(d, GET + "/responses").putObject("429").put("description", "slow down")
              .putObject("headers").putObject("Retry-After").putObject("schema").put("type", "integer"),
          d -> obj(d, GET + "/responses/429").remove("headers")),
          Rule.RESPONSE_HEADER_REMOVED, GET + "/responses/429/headers/Retry-After");
    }

    @Test
    void referencedHeaderIsComparedWhereItIsDefined() {
      onlyBreak(check(d -> {
        obj(d, "/components").putObject("headers").putObject("RateLimit").putObject("schema").put("type", "integer");
        obj(d, GET + "/responses/200").putObject("headers").putObject("X-RateLimit")
            .put("$ref", "#/components/headers/RateLimit");
      }, d -> obj(d, "/components/headers/RateLimit/schema").put("type", "string")),
          Rule.TYPE_CHANGED, "/components/headers/RateLimit/schema/type");
    }

    @Test
    void addedRequiredOrRenamedCaseHeaderPasses() {
      onlyChange(compatible(ResponseHeaders::rateLimit), ChangeKind.ADDED_RESPONSE_HEADER,
          OK_HEADERS + "/X-RateLimit-Remaining");
      CompatibilityChecker.Result r = check(ResponseHeaders::rateLimit, d -> {
        ObjectNode headers = obj(d, OK_HEADERS);
        headers.set("x-ratelimit-remaining", headers.remove("X-RateLimit-Remaining"));
      });
      assertThat(r.breaking()).isEmpty();
    }

    @Test
    void optionalHeaderMadeRequiredPasses() {
      compatible(check(d -> {
        rateLimit(d);
        obj(d, OK_HEADERS + "/X-RateLimit-Remaining").put("required", false);
      }, d -> obj(d, OK_HEADERS + "/X-RateLimit-Remaining").put("required", true)));
    }
  }

  @Nested
  class PathParameterRenames {
    private static final String RENAMED = "/paths/~1v1~1apps~1{id}~1api-keys";

    private static void renameAppId(ObjectNode d) {
      ObjectNode paths = obj(d, "/paths");
      ObjectNode item = (ObjectNode) paths.remove("/v1/apps/{appId}/api-keys");
      paths.set("/v1/apps/{id}/api-keys", item);
      obj(item, "/get/parameters/0").put("name", "id");
      obj(item, "/post/parameters/0").put("name", "id");
    }

    @Test
    void renamedPathParameterIsTheSamePathAndOnlyANote() {
      CompatibilityChecker.Result r = compatible(PathParameterRenames::renameAppId);
      Change c = onlyChange(r, ChangeKind.RENAMED_PATH_PARAMETER, RENAMED);
      assertThat(c.text()).contains("appId", "id", "generated method parameters");
      assertThat(r.changes()).extracting(Change::kind).doesNotContain(ChangeKind.ADDED_OPERATION);
    }

    @Test
    void operationsOfARenamedPathAreStillComparedOneByOne() {
      Finding f = onlyBreak(d -> {
        renameAppId(d);
        obj(d, RENAMED + "/post/requestBody").put("required", true);
      }, Rule.REQUEST_BODY_NOW_REQUIRED, RENAMED + "/post/requestBody/required");
      assertThat(f.usedBy()).containsExactly("POST /v1/apps/{id}/api-keys");
    }

    @Test
    void theRenamedParameterItselfIsStillCompared() {
      onlyBreak(d -> {
        renameAppId(d);
        obj(d, RENAMED + "/get/parameters/0/schema").put("type", "string");
      }, Rule.TYPE_CHANGED, RENAMED + "/get/parameters/0/schema/type");
    }

    @Test
    void aPathOfAnotherShapeIsStillARemoval() {
      onlyBreak(d -> {
        ObjectNode paths = obj(d, "/paths");
        paths.set("/v1/apps/{id}/keys", paths.remove("/v1/apps/{appId}/api-keys"));
      }, Rule.PATH_REMOVED, PATH_PTR);
    }

    @Test
    void aRemovedOperationOfARenamedPathIsNamedByItsBaselinePath() {
      Finding f = onlyBreak(d -> {
        renameAppId(d);
        obj(d, RENAMED).remove("post");
      }, Rule.OPERATION_REMOVED, POST);
      assertThat(f.document()).isEqualTo("baseline");
    }
  }
}
