package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static ai.spice.cloud.client.testing.Responses.keys;
import static ai.spice.cloud.client.testing.Responses.regenerated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.RateLimitException;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest extends ServerTest {

  private static MockResponse withRetryAfter(int code, String retryAfter) {
    return new MockResponse.Builder().code(code).addHeader("Retry-After", retryAfter).build();
  }

  private static MockResponse resetAfterRequest() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  @ParameterizedTest(name = "GET after HTTP {0}")
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void getIsRetriedAfterATransientStatus(int status) {
    server.enqueue(json(status, "{}"));
    server.enqueue(keys(KEY_1, KEY_2));

    assertThat(client().apiKeys().getApiKeys(1L).getApiKey()).isEqualTo(KEY_1);

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @ParameterizedTest(name = "GET after HTTP {0}")
  @ValueSource(ints = {400, 401, 403, 404, 409, 501})
  void getIsNotRetriedAfterOtherStatuses(int status) {
    server.enqueue(json(status, "{}"));
    server.enqueue(keys(KEY_1, KEY_2));

    catchThrowableOfType(SpiceCloudServiceException.class, () -> client().apiKeys().getApiKeys(1L));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void getGivesUpAfterMaxRetriesWithTheLastError() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(json(503, "{}"));
    }

    InternalServerException e = catchThrowableOfType(InternalServerException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(server.getRequestCount()).isEqualTo(4); // default: 3 retries = 4 attempts
    assertThat(sleeper.sleeps()).hasSize(3);
  }

  @Test
  void maxRetriesZeroMeansOneAttempt() {
    server.enqueue(json(503, "{}"));
    server.enqueue(keys(KEY_1, KEY_2));

    catchThrowableOfType(InternalServerException.class,
        () -> clientBuilder().maxRetries(0).build().apiKeys().getApiKeys(1L));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void backoffDoublesFromTheInitialValueWithJitterUpToTheCap() {
    for (int i = 0; i < 7; i++) {
      server.enqueue(json(500, "{}"));
    }
    SpiceCloudClient client = clientBuilder().maxRetries(6)
        .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(1000)).build();

    catchThrowableOfType(InternalServerException.class, () -> client.apiKeys().getApiKeys(1L));

    List<Duration> sleeps = sleeper.sleeps();
    long[] ceilings = {100, 200, 400, 800, 1000, 1000};
    assertThat(sleeps).hasSize(ceilings.length);
    for (int i = 0; i < ceilings.length; i++) {
      // Equal jitter: each wait lies in [ceiling/2, ceiling].
      assertThat(sleeps.get(i).toMillis()).as("wait %d", i).isBetween(ceilings[i] / 2, ceilings[i]);
    }
  }

  @Test
  void defaultBackoffStartsAroundHalfASecond() {
    server.enqueue(json(500, "{}"));
    server.enqueue(keys(KEY_1, KEY_2));

    client().apiKeys().getApiKeys(1L);

    assertThat(sleeper.sleeps().get(0).toMillis()).isBetween(250L, 500L);
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    server.enqueue(withRetryAfter(429, "3"));
    server.enqueue(keys(KEY_1, KEY_2));

    client().apiKeys().getApiKeys(1L);

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterAsHttpDateIsMeasuredAgainstTheInjectedClock() {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    String in12s = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.ofInstant(now.plusSeconds(12), ZoneOffset.UTC));
    server.enqueue(withRetryAfter(503, in12s));
    server.enqueue(keys(KEY_1, KEY_2));

    clientBuilder().clock(Clock.fixed(now, ZoneOffset.UTC)).build().apiKeys().getApiKeys(1L);

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void retryAfterOverTheCapFallsBackToTheBackoff() {
    server.enqueue(withRetryAfter(429, "3600"));
    server.enqueue(keys(KEY_1, KEY_2));

    clientBuilder().maxRetryAfter(Duration.ofSeconds(30)).build().apiKeys().getApiKeys(1L);

    assertThat(sleeper.sleeps().get(0).toMillis()).isBetween(250L, 500L);
  }

  @ParameterizedTest(name = "Retry-After: \"{0}\"")
  @ValueSource(strings = {"-5", "soon", "1.5", "Wed, 31 Feb 2026 25:00:00 GMT"})
  void invalidRetryAfterFallsBackToTheBackoff(String value) {
    server.enqueue(withRetryAfter(503, value));
    server.enqueue(keys(KEY_1, KEY_2));

    client().apiKeys().getApiKeys(1L);

    assertThat(sleeper.sleeps().get(0).toMillis()).isBetween(250L, 500L);
  }

  @Test
  void retryAfterDateInThePastFallsBackToTheBackoff() {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.ofInstant(now.minusSeconds(60), ZoneOffset.UTC));
    server.enqueue(withRetryAfter(503, past));
    server.enqueue(keys(KEY_1, KEY_2));

    clientBuilder().clock(Clock.fixed(now, ZoneOffset.UTC)).build().apiKeys().getApiKeys(1L);

    assertThat(sleeper.sleeps().get(0).toMillis()).isBetween(250L, 500L);
  }

  @Test
  void getIsRetriedAfterAConnectionReset() {
    server.enqueue(resetAfterRequest());
    server.enqueue(keys(KEY_1, KEY_2));

    assertThat(client().apiKeys().getApiKeys(1L).getApiKey()).isEqualTo(KEY_1);

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void postIsSentExactlyOnceWhenTheConnectionResets() {
    server.enqueue(resetAfterRequest());
    server.enqueue(regenerated(KEY_1, KEY_2, 1));

    catchThrowableOfType(SpiceCloudIoException.class, () -> client().apiKeys().regenerateApiKey(1L, null));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void postIsSentExactlyOnceOn503() {
    server.enqueue(json(503, "{}"));
    server.enqueue(regenerated(KEY_1, KEY_2, 1));

    catchThrowableOfType(InternalServerException.class, () -> client().apiKeys().regenerateApiKey(1L, null));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void postIsSentExactlyOnceOn503WithRetryAfterZero() {
    // OkHttp by itself re-sends any request after a 503 that says Retry-After: 0.
    server.enqueue(withRetryAfter(503, "0"));
    server.enqueue(regenerated(KEY_1, KEY_2, 1));

    InternalServerException e = catchThrowableOfType(InternalServerException.class,
        () -> client().apiKeys().regenerateApiKey(1L, null));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.headers().get("Retry-After")).containsExactly("0");
  }

  @Test
  void getOn503WithRetryAfterZeroFollowsTheClientPolicyAlone() {
    for (int i = 0; i < 8; i++) {
      server.enqueue(withRetryAfter(503, "0"));
    }

    catchThrowableOfType(InternalServerException.class, () -> client().apiKeys().getApiKeys(1L));

    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  @Test
  void retryAfterBeyondTheIntRangeIsATypedErrorNotACrash() {
    server.enqueue(withRetryAfter(503, "99999999999"));

    InternalServerException e = catchThrowableOfType(InternalServerException.class,
        () -> client().apiKeys().regenerateApiKey(1L, null));

    assertThat(e.statusCode()).isEqualTo(503);
  }

  @Test
  void status407WithoutAProxyIsAnUnexpectedStatusNotAnIoError() {
    server.enqueue(json(407, "{\"error\":\"proxy auth\"}"));
    server.enqueue(json(407, "{}"));

    SpiceCloudServiceException post = catchThrowableOfType(SpiceCloudServiceException.class,
        () -> client().apiKeys().regenerateApiKey(1L, null));
    SpiceCloudServiceException get = catchThrowableOfType(SpiceCloudServiceException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(post).isInstanceOf(ai.spice.cloud.client.errors.UnexpectedStatusException.class);
    assertThat(post.statusCode()).isEqualTo(407);
    assertThat(post.bodyExcerpt()).contains("proxy auth");
    assertThat(get.statusCode()).isEqualTo(407);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void status421IsAnUnexpectedStatusAndNotRetried() {
    // OkHttp re-sends a 421 by itself only over a coalesced HTTP/2 connection (RetryAndFollowUpInterceptor),
    // which loopback HTTP/1.1 cannot stage; the guard hands every 421 over. This proves the typed outcome.
    server.enqueue(json(421, "{\"error\":\"misdirected\"}"));
    server.enqueue(json(421, "{}"));
    server.enqueue(keys(KEY_1, KEY_2));

    SpiceCloudServiceException post = catchThrowableOfType(SpiceCloudServiceException.class,
        () -> client().apiKeys().regenerateApiKey(1L, null));
    SpiceCloudServiceException get = catchThrowableOfType(SpiceCloudServiceException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(post.statusCode()).isEqualTo(421);
    assertThat(post.errorMessage()).contains("misdirected");
    assertThat(get.statusCode()).isEqualTo(421);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aGzippedAnswerTheGuardTakesPastOkHttpIsStillReadable() throws Exception {
    okio.Buffer gzipped = new okio.Buffer();
    try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(gzipped))) {
      sink.writeUtf8("{\"error\":\"busy, retry later\",\"code\":\"overloaded\"}");
    }
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0")
        .addHeader("Content-Encoding", "gzip").addHeader("Content-Type", "application/json").body(gzipped).build());

    InternalServerException e = catchThrowableOfType(InternalServerException.class,
        () -> client().apiKeys().regenerateApiKey(1L, null));

    assertThat(e.errorMessage()).contains("busy, retry later");
    assertThat(e.errorCode()).contains("overloaded");
    assertThat(e.headers()).doesNotContainKey("Content-Encoding").containsKey("Retry-After");
  }

  @Test
  void postIsSentExactlyOnceOn408() {
    // OkHttp itself re-sends a request after a 408 unless its connection-failure retry is off.
    server.enqueue(json(408, "{}"));
    server.enqueue(regenerated(KEY_1, KEY_2, 1));

    catchThrowableOfType(SpiceCloudServiceException.class, () -> client().apiKeys().regenerateApiKey(1L, null));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postIsSentExactlyOnceDespiteRetryAfter() {
    server.enqueue(withRetryAfter(503, "1"));
    server.enqueue(regenerated(KEY_1, KEY_2, 1));

    catchThrowableOfType(InternalServerException.class, () -> client().apiKeys().regenerateApiKey(1L, null));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postIsSentExactlyOnceOn429WithRetryAfter() {
    server.enqueue(withRetryAfter(429, "1"));
    server.enqueue(regenerated(KEY_1, KEY_2, 1));

    RateLimitException e = catchThrowableOfType(RateLimitException.class,
        () -> client().apiKeys().regenerateApiKeyWithHttpInfo(1L, null));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postIsSentExactlyOnceOnARedirect() {
    server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", server.url("/elsewhere")).build());
    server.enqueue(regenerated(KEY_1, KEY_2, 1));

    catchThrowableOfType(SpiceCloudServiceException.class, () -> client().apiKeys().regenerateApiKey(1L, null));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void interruptedBackoffStopsRetrying() {
    server.enqueue(json(503, "{}"));
    server.enqueue(keys(KEY_1, KEY_2));
    SpiceCloudClient client = clientBuilder().sleeper(d -> {
      throw new InterruptedException();
    }).build();

    try {
      catchThrowableOfType(InternalServerException.class, () -> client.apiKeys().getApiKeys(1L));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(server.getRequestCount()).isEqualTo(1);
    } finally {
      Thread.interrupted();
    }
  }
}
