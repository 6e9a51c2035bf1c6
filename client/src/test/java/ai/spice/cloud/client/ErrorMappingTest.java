package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.BadRequestException;
import ai.spice.cloud.client.errors.ForbiddenException;
import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.NotFoundException;
import ai.spice.cloud.client.errors.RateLimitException;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import ai.spice.cloud.client.errors.SpiceCloudTimeoutException;
import ai.spice.cloud.client.errors.UnauthorizedException;
import ai.spice.cloud.client.errors.UnexpectedStatusException;
import feign.FeignException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorMappingTest extends ServerTest {

  @ParameterizedTest(name = "HTTP {0} on {1} -> {2}")
  @CsvSource({
      "400, GET,  BadRequestException",
      "401, GET,  UnauthorizedException",
      "403, GET,  ForbiddenException",
      "404, GET,  NotFoundException",
      "429, GET,  RateLimitException",
      "500, GET,  InternalServerException",
      "503, GET,  InternalServerException",
      "599, GET,  InternalServerException",
      "302, GET,  UnexpectedStatusException",
      "409, GET,  UnexpectedStatusException",
      "408, GET,  UnexpectedStatusException",
      "400, POST, BadRequestException",
      "401, POST, UnauthorizedException",
      "403, POST, ForbiddenException",
      "404, POST, NotFoundException",
      "429, POST, RateLimitException",
      "500, POST, InternalServerException",
      "418, POST, UnexpectedStatusException",
  })
  void eachStatusBecomesItsTypedException(int status, String method, String type) {
    SpiceCloudClient client = clientBuilder().maxRetries(0).build();
    server.enqueue(json(status, "{\"message\":\"m\"}"));

    Throwable t = catchThrowable(() -> {
      if (method.equals("GET")) {
        client.apiKeys().getApiKeys(9L);
      } else {
        client.apiKeys().regenerateApiKey(9L, null);
      }
    });

    assertThat(t).isNotInstanceOf(FeignException.class);
    assertThat(t.getClass().getSimpleName()).isEqualTo(type);
    SpiceCloudServiceException e = (SpiceCloudServiceException) t;
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.method()).isEqualTo(method);
    assertThat(e.path()).isEqualTo("/v1/apps/9/api-keys");
  }

  @Test
  void serviceExceptionCarriesHeadersRequestIdAndBodyExcerpt() {
    server.enqueue(new MockResponse.Builder().code(403).addHeader("x-request-id", "rq-123")
        .addHeader("Content-Type", "application/json").body("{\"error\":\"Insufficient scope\"}").build());

    ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
        () -> client().apiKeys().regenerateApiKey(3L, null));

    assertThat(e.requestId()).contains("rq-123");
    assertThat(e.headers().get("X-Request-Id")).containsExactly("rq-123");
    assertThat(e.bodyExcerpt()).isEqualTo("{\"error\":\"Insufficient scope\"}");
    assertThat(e.getMessage()).isEqualTo("POST /v1/apps/3/api-keys failed with HTTP 403 (x-request-id rq-123)");
  }

  @Test
  void requestIdIsEmptyWhenAbsent() {
    server.enqueue(json(404, ""));

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client().apiKeys().getApiKeys(3L));

    assertThat(e.requestId()).isEmpty();
    assertThat(e.bodyExcerpt()).isEmpty();
  }

  @Test
  void bodyExcerptIsBounded() {
    server.enqueue(json(400, "x".repeat(100_000)));

    BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> client().apiKeys().getApiKeys(3L));

    assertThat(e.bodyExcerpt()).hasSizeLessThanOrEqualTo(513).endsWith("…");
  }

  @Test
  void rateLimitExposesRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());

    RateLimitException e = catchThrowableOfType(RateLimitException.class,
        () -> client().apiKeys().regenerateApiKey(3L, null));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void refusedConnectionIsAnIoException() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    SpiceCloudClient client = clientBuilder().baseUrl("http://127.0.0.1:" + closedPort).maxRetries(0).build();

    SpiceCloudIoException e = catchThrowableOfType(SpiceCloudIoException.class,
        () -> client.apiKeys().getApiKeys(1L));

    assertThat(e).isNotInstanceOf(SpiceCloudTimeoutException.class);
    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
    assertThat(e.getMessage()).contains("GET /v1/apps/1/api-keys");
  }

  @Test
  void readTimeoutIsATimeoutException() {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS)
        .body("{}").build());
    SpiceCloudClient client = clientBuilder().readTimeout(Duration.ofMillis(200)).maxRetries(0).build();

    SpiceCloudTimeoutException e = catchThrowableOfType(SpiceCloudTimeoutException.class,
        () -> client.apiKeys().getApiKeys(1L));

    assertThat(e.getMessage()).contains("timed out");
  }

  @Test
  void withTimeoutsAppliesTheNewReadTimeout() {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS)
        .body("{}").build());
    SpiceCloudClient patient = clientBuilder().maxRetries(0).build();

    SpiceCloudClient impatient = patient.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200));

    catchThrowableOfType(SpiceCloudTimeoutException.class, () -> impatient.apiKeys().getApiKeys(1L));
  }
}
