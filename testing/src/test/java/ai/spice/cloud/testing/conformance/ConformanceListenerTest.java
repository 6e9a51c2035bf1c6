package ai.spice.cloud.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.testing.Fault;
import ai.spice.cloud.testing.Operation;
import ai.spice.cloud.testing.RecordedCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The check that every fake response conforms bites: each kind of deviation is reported. */
class ConformanceListenerTest {
  private static RecordedCall call(String method, String path, int status, String responseBody, String undocumented) {
    return new RecordedCall(1, Instant.EPOCH, method, path, "", Optional.of(Operation.GET_API_KEYS),
        Map.of("Authorization", List.of("Bearer ****")), Optional.empty(), 0, status,
        Map.of("Content-Type", List.of("application/json")), Optional.ofNullable(responseBody), Optional.empty(),
        Optional.ofNullable(undocumented));
  }

  @Test
  void aConformingResponsePasses() {
    assertThat(ConformanceListener.check(call("GET", "/v1/apps/42/api-keys", 200,
        "{\"api_key\":\"****\",\"api_key_2\":null}", null))).isEmpty();
    assertThat(ConformanceListener.check(call("GET", "/v1/apps/42/api-keys", 404,
        "{\"error\":\"App not found\",\"code\":\"not_found\"}", null))).isEmpty();
  }

  @Test
  void aResponseBodyOfTheWrongTypeIsReported() {
    assertThat(ConformanceListener.check(call("GET", "/v1/apps/42/api-keys", 200, "{\"api_key\":42}", null)))
        .singleElement().asString().contains("response body is invalid");
  }

  @Test
  void anUndocumentedStatusIsReportedUnlessTheFakeMarkedIt() {
    assertThat(ConformanceListener.check(call("GET", "/v1/apps/42/api-keys", 418,
        "{\"error\":\"teapot\",\"code\":\"teapot\"}", null))).singleElement().asString()
        .contains("undocumented status 418");
    assertThat(ConformanceListener.check(call("GET", "/v1/apps/42/api-keys", 503,
        "{\"error\":\"down\",\"code\":\"service_unavailable\"}", "injected fault " + Fault.serviceUnavailable())))
        .isEmpty();
  }

  @Test
  void anErrorBodyWithoutTheApisShapeIsReportedEvenBeyondTheDocument() {
    assertThat(ConformanceListener.check(call("GET", "/v1/apps/42/api-keys", 404, "{\"message\":\"nope\"}", null)))
        .singleElement().asString().contains("has no \"error\" message");
    assertThat(ConformanceListener.check(call("GET", "/v1/apps/42/api-keys", 429, "{\"error\":\"slow down\"}",
        "injected fault"))).singleElement().asString().contains("has no string \"code\"");
  }

  @Test
  void aMissingResponseNotMarkedAsAFaultIsReported() {
    assertThat(ConformanceListener.check(call("GET", "/v1/apps/42/api-keys", 0, null, null)))
        .singleElement().asString().contains("no response");
  }

  @Test
  void anUnknownPathNotMarkedIsReported() {
    // A path no published page can describe, whatever upstream adds (not one the document merely lacks today).
    String path = "/undocumented-" + UUID.randomUUID();
    assertThat(ConformanceListener.check(call("GET", path, 404, "{\"error\":\"x\",\"code\":\"y\"}", null)))
        .singleElement().asString().contains("unknown path");
  }
}
