package ai.spice.cloud.reliability;

import static ai.spice.cloud.reliability.TestClients.MAX_BACKOFF;
import static ai.spice.cloud.reliability.TestClients.MAX_RETRIES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.errors.BadRequestException;
import ai.spice.cloud.client.errors.ForbiddenException;
import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.NotFoundException;
import ai.spice.cloud.client.errors.RateLimitException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import ai.spice.cloud.client.errors.UnauthorizedException;
import ai.spice.cloud.client.errors.UnexpectedStatusException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is retried (GET on 5xx and 429, honouring a sane Retry-After) and what never is (4xx, any regeneration). */
class RetryPolicyTest {
    private static final long APP = 7L;
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private FaultServer server;
    private RecordingSleeper sleeper;
    private SpiceCloudClient client;

    @BeforeEach
    void start() throws IOException {
        server = FaultServer.start();
        sleeper = new RecordingSleeper();
        client = TestClients.builder(server.baseUrl(), sleeper).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "GET recovers from a burst of three {0}s")
    @ValueSource(ints = {500, 502, 503, 504})
    void getRecoversFromA5xxBurstWithinTheRetryBudget(int status) {
        server.enqueue(MAX_RETRIES, Reply.json(status, "{\"error\":\"busy\"}")).otherwise(Bodies.apiKeys());
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        assertEquals(Bodies.KEY_2, call.returned().getApiKey2());
        assertEquals(MAX_RETRIES + 1, server.requestCount("GET"));
        assertEquals(MAX_RETRIES, sleeper.sleeps().size());
        sleeper.sleeps().forEach(RetryPolicyTest::assertComputedBackoff);
        call.endedWithin(TestClients.getDeadline(sleeper));
    }

    @Test
    void getRecoversFromA408BurstWithinTheRetryBudget() {
        server.enqueue(MAX_RETRIES, Reply.json(408, "{}")).otherwise(Bodies.apiKeys());
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        assertEquals(Bodies.KEY_1, call.returned().getApiKey());
        assertEquals(MAX_RETRIES + 1, server.requestCount("GET"));
    }

    @Test
    void regenerateIsNeverRetriedOn408() {
        server.enqueue(Reply.json(408, "{}")).otherwise(Bodies.regenerated());
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        assertEquals(408, call.threwExactly(UnexpectedStatusException.class).statusCode());
        assertEquals(1, server.requestCount("POST"));
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void getGivesUpWithInternalServerExceptionWhenThe5xxBurstOutlastsTheBudget() {
        server.enqueue(MAX_RETRIES + 1, Reply.json(503, "{\"error\":\"down\"}")).otherwise(Bodies.apiKeys());
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        InternalServerException e = call.threwExactly(InternalServerException.class);
        assertEquals(503, e.statusCode());
        assertEquals(MAX_RETRIES + 1, server.requestCount("GET"), "the recovery after the budget is never reached");
        call.endedWithin(TestClients.getDeadline(sleeper));
    }

    @Test
    void backoffGrowsButNeverExceedsTheCap() {
        SpiceCloudClient patient = TestClients.builder(server.baseUrl(), sleeper).maxRetries(8).build();
        server.otherwise(Reply.json(500, "{}"));
        Timed.call(() -> patient.apiKeys().getApiKeys(APP)).threwExactly(InternalServerException.class);
        assertEquals(9, server.requestCount("GET"));
        assertEquals(8, sleeper.sleeps().size());
        sleeper.sleeps().forEach(RetryPolicyTest::assertComputedBackoff);
        // 100 ms doubling passes the 1 s cap by the fifth backoff; jitter may lower a single value, not all of them.
        Duration late = sleeper.sleeps().subList(4, 8).stream().max(Duration::compareTo).orElseThrow();
        assertTrue(late.compareTo(TestClients.INITIAL_BACKOFF) > 0, "backoff did not grow: " + sleeper.sleeps());
    }

    @ParameterizedTest(name = "regenerate is not retried on {0}")
    @ValueSource(ints = {500, 502, 503, 504})
    void regenerateIsNeverRetriedOn5xx(int status) {
        server.enqueue(Reply.json(status, "{}")).otherwise(Bodies.regenerated());
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        assertEquals(status, call.threwExactly(InternalServerException.class).statusCode());
        assertEquals(1, server.requestCount("POST"));
        assertEquals(List.of(), sleeper.sleeps());
        call.endedWithin(TestClients.singleAttemptDeadline());
    }

    @Test
    void getHonoursRetryAfterInSecondsOn429() {
        server.enqueue(Reply.json(429, "{}").header("Retry-After", "5")).otherwise(Bodies.apiKeys());
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        assertEquals(Bodies.KEY_1, call.returned().getApiKey());
        assertEquals(2, server.requestCount("GET"));
        assertEquals(List.of(Duration.ofSeconds(5)), sleeper.sleeps());
    }

    @Test
    void getHonoursRetryAfterInSecondsOn503() {
        server.enqueue(Reply.json(503, "{}").header("Retry-After", "3")).otherwise(Bodies.apiKeys());
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        assertEquals(Bodies.KEY_1, call.returned().getApiKey());
        assertEquals(2, server.requestCount("GET"));
        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.sleeps());
    }

    /** HTTP/2 hops and many proxies lower-case header names; the header is still the server's answer. */
    @Test
    void getHonoursALowerCaseRetryAfterHeader() {
        server.enqueue(Reply.json(503, "{}").header("retry-after", "4")).otherwise(Bodies.apiKeys());
        Timed.call(() -> client.apiKeys().getApiKeys(APP)).returned();
        assertEquals(List.of(Duration.ofSeconds(4)), sleeper.sleeps());
    }

    @Test
    void getHonoursRetryAfterAsAnHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(7).atOffset(ZoneOffset.UTC));
        server.enqueue(Reply.json(429, "{}").header("Retry-After", date)).otherwise(Bodies.apiKeys());
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        assertEquals(Bodies.KEY_1, call.returned().getApiKey());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps());
    }

    @Test
    void getHonoursRetryAfterExactlyAtTheCap() {
        server.enqueue(Reply.json(429, "{}").header("Retry-After", "10")).otherwise(Bodies.apiKeys());
        Timed.call(() -> client.apiKeys().getApiKeys(APP)).returned();
        assertEquals(List.of(TestClients.MAX_RETRY_AFTER), sleeper.sleeps());
    }

    /** Absurd Retry-After values must neither stall the caller nor hammer the server: computed backoff applies. */
    @ParameterizedTest(name = "Retry-After \"{0}\" falls back to the computed backoff")
    @ValueSource(strings = {"-5", "11", "99999999999", "9223372036854775807", "soon", "1.5", "",
            "Wed, 99 Foo 2026 25:61:61 GMT", "Fri, 27 Nov 2026 13:00:00 GMT"})
    void getIgnoresAbsurdRetryAfterValuesAndUsesTheComputedBackoff(String retryAfter) {
        server.enqueue(Reply.json(429, "{}").header("Retry-After", retryAfter),
                Reply.json(503, "{}").header("Retry-After", retryAfter)).otherwise(Bodies.apiKeys());
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        assertEquals(Bodies.KEY_1, call.returned().getApiKey());
        assertEquals(3, server.requestCount("GET"));
        assertEquals(2, sleeper.sleeps().size());
        sleeper.sleeps().forEach(RetryPolicyTest::assertComputedBackoff);
        call.endedWithin(TestClients.getDeadline(sleeper));
    }

    @Test
    void getExhaustedBy429ThrowsRateLimitExceptionCarryingRetryAfter() {
        server.otherwise(Reply.json(429, "{}").header("Retry-After", "2"));
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        RateLimitException e = call.threwExactly(RateLimitException.class);
        assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryAfter());
        assertEquals(MAX_RETRIES + 1, server.requestCount("GET"));
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeper.sleeps());
    }

    @Test
    void rateLimitWithGarbageRetryAfterReportsNoRetryAfter() {
        server.otherwise(Reply.json(429, "{}").header("Retry-After", "soon"));
        RateLimitException e = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, null)).threwExactly(RateLimitException.class);
        assertEquals(Optional.empty(), e.retryAfter());
    }

    @Test
    void regenerateIsNeverRetriedOn429EvenWithAShortRetryAfter() {
        server.enqueue(Reply.json(429, "{}").header("Retry-After", "0")).otherwise(Bodies.regenerated());
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        RateLimitException e = call.threwExactly(RateLimitException.class);
        assertEquals(Optional.of(Duration.ZERO), e.retryAfter(), "the caller gets the hint to decide itself");
        assertEquals(1, server.requestCount("POST"));
        assertEquals(List.of(), sleeper.sleeps());
    }

    /** OkHttp on its own re-sends any request, POST included, once after a 503 carrying Retry-After: 0. */
    @Test
    void regenerateIsNeverResentOn503WithRetryAfterZero() {
        server.enqueue(Reply.json(503, "{}").header("Retry-After", "0")).otherwise(Bodies.regenerated());
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        assertEquals(503, call.threwExactly(InternalServerException.class).statusCode());
        assertEquals(1, server.requestCount("POST"), "a 503 + Retry-After: 0 must not rotate the key twice");
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void getExhaustedBy503WithRetryAfterZeroStaysWithinTheRetryBudget() {
        server.otherwise(Reply.json(503, "{}").header("Retry-After", "0"));
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        assertEquals(503, call.threwExactly(InternalServerException.class).statusCode());
        assertEquals(MAX_RETRIES + 1, server.requestCount("GET"));
        assertEquals(List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO), sleeper.sleeps());
    }

    @Test
    void regenerateIsNeverRetriedOn503WithRetryAfter() {
        server.enqueue(Reply.json(503, "{}").header("Retry-After", "1")).otherwise(Bodies.regenerated());
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        assertEquals(503, call.threwExactly(InternalServerException.class).statusCode());
        assertEquals(1, server.requestCount("POST"));
        assertEquals(List.of(), sleeper.sleeps());
    }

    @ParameterizedTest(name = "GET is not retried on {0}")
    @ValueSource(ints = {400, 401, 403, 404})
    void getIsNeverRetriedOnClientErrors(int status) {
        server.otherwise(Reply.json(status, "{\"error\":\"no\"}").header("x-request-id", "req-" + status));
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        Class<? extends SpiceCloudServiceException> expected = switch (status) {
            case 400 -> BadRequestException.class;
            case 401 -> UnauthorizedException.class;
            case 403 -> ForbiddenException.class;
            default -> NotFoundException.class;
        };
        SpiceCloudServiceException e = call.threwExactly(expected);
        assertEquals(status, e.statusCode());
        assertEquals(Optional.of("req-" + status), e.requestId());
        assertEquals(1, server.requestCount("GET"));
        assertEquals(List.of(), sleeper.sleeps());
    }

    private static void assertComputedBackoff(Duration sleep) {
        assertTrue(!sleep.isNegative() && sleep.compareTo(MAX_BACKOFF) <= 0,
                "backoff " + sleep + " outside [0, " + MAX_BACKOFF + "]");
    }
}
