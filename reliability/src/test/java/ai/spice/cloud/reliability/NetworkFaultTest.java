package ai.spice.cloud.reliability;

import static ai.spice.cloud.reliability.TestClients.CONNECT_TIMEOUT;
import static ai.spice.cloud.reliability.TestClients.MAX_RETRIES;
import static ai.spice.cloud.reliability.TestClients.READ_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.errors.SpiceCloudTimeoutException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transport failures: refused, never accepted, reset, silence, stalls and trickles (the connect timeout ends a
 * connection that never completes, the read timeout ends silence, the call timeout ends a trickle). GET may
 * retry within its budget; a regeneration reaches the server exactly once whatever happens, because re-sending
 * it rotates the key again.
 */
class NetworkFaultTest extends FaultServerFixture {
    private static final long APP = 42L;
    /** Longer than the read timeout, far shorter than the slow trickles below. */
    private static final Duration SHORT_CALL = Duration.ofMillis(600);

    @Test
    void getToAClosedPortFailsWithIoErrorAfterItsRetryBudget() throws IOException {
        SpiceCloudClient refused = TestClients.client("http://127.0.0.1:" + FaultServer.closedPort(), sleeper);
        Timed<ApiKeys> call = Timed.call(() -> refused.apiKeys().getApiKeys(APP));
        call.threwExactly(SpiceCloudIoException.class);
        assertEquals(MAX_RETRIES, sleeper.sleeps().size(), "a refused connection never reached the server: safe to retry");
        call.endedWithin(TestClients.getDeadline(sleeper));
    }

    @Test
    void regenerateToAClosedPortFailsWithIoErrorAndIsNotRetried() throws IOException {
        SpiceCloudClient refused = TestClients.client("http://127.0.0.1:" + FaultServer.closedPort(), sleeper);
        Timed<?> call = Timed.call(() -> refused.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        call.threwExactly(SpiceCloudIoException.class);
        assertEquals(List.of(), sleeper.sleeps(), "a regeneration is never retried");
        call.endedWithin(TestClients.singleAttemptDeadline());
    }

    @Test
    void getToAHostThatNeverCompletesTheConnectionTimesOutEachAttemptAndRetriesWithinItsBudget() throws IOException {
        try (UnacceptedListener listener = new UnacceptedListener()) {
            assumeTrue(listener.connectsHang(), "this kernel refuses instead of dropping SYNs on a full accept queue");
            SpiceCloudClient hanging = TestClients.client(listener.baseUrl(), sleeper);
            Timed<ApiKeys> call = Timed.call(() -> hanging.apiKeys().getApiKeys(APP));
            call.threwExactly(SpiceCloudTimeoutException.class);
            assertEquals(MAX_RETRIES, sleeper.sleeps().size(), "nothing was sent: safe to retry");
            // Each attempt waited out the connect timeout, no more: neither refused at once nor left hanging.
            call.tookAtLeast(CONNECT_TIMEOUT.multipliedBy(MAX_RETRIES + 1)).endedWithin(TestClients.getDeadline(sleeper));
        }
    }

    @Test
    void regenerateToAHostThatNeverCompletesTheConnectionTimesOutOnceAndIsNotRetried() throws IOException {
        try (UnacceptedListener listener = new UnacceptedListener()) {
            assumeTrue(listener.connectsHang(), "this kernel refuses instead of dropping SYNs on a full accept queue");
            SpiceCloudClient hanging = TestClients.client(listener.baseUrl(), sleeper);
            Timed<?> call = Timed.call(() -> hanging.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
            call.threwExactly(SpiceCloudTimeoutException.class);
            assertEquals(List.of(), sleeper.sleeps(), "a regeneration is never retried");
            call.tookAtLeast(CONNECT_TIMEOUT).endedWithin(TestClients.singleAttemptDeadline());
        }
    }

    @Test
    void getRetriesAResetBeforeAnyResponseAndRecovers() {
        server.enqueue(Faults.resetBeforeResponse()).otherwise(Bodies.apiKeys());
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        assertEquals(Bodies.KEY_1, call.returned().getApiKey());
        assertEquals(2, server.requestCount("GET"));
        assertEquals(1, sleeper.sleeps().size());
        call.endedWithin(TestClients.getDeadline(sleeper));
    }

    @Test
    void getResetOnEveryAttemptFailsWithIoErrorAfterExactlyTheRetryBudget() {
        server.otherwise(Faults.resetBeforeResponse());
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        call.threwExactly(SpiceCloudIoException.class);
        assertEquals(MAX_RETRIES + 1, server.requestCount("GET"));
        assertEquals(MAX_RETRIES, sleeper.sleeps().size());
        call.endedWithin(TestClients.getDeadline(sleeper));
    }

    @Test
    void regenerateResetBeforeAnyResponseReachesTheServerExactlyOnce() {
        server.enqueue(Faults.resetBeforeResponse()).otherwise(Bodies.regenerated());
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        call.threwExactly(SpiceCloudIoException.class);
        assertEquals(1, server.requestCount("POST"), "the lost response must not be answered by a second rotation");
        assertEquals(List.of(), sleeper.sleeps());
        call.endedWithin(TestClients.singleAttemptDeadline());
    }

    /** A pooled connection that fails is the classic case where HTTP stacks silently re-send a request. */
    @Test
    void regenerateResetOnAReusedKeepAliveConnectionIsNotResent() {
        server.enqueue(Bodies.apiKeys(), Faults.resetBeforeResponse()).otherwise(Bodies.regenerated());
        assertEquals(Bodies.KEY_1, client.apiKeys().getApiKeys(APP).getApiKey());
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        call.threwExactly(SpiceCloudIoException.class);
        assertEquals(1, server.requestCount("POST"), "connections opened: " + server.connectionCount());
        assertEquals(List.of(), sleeper.sleeps());
    }

    /** Once a response head has arrived, the client reports the failure instead of re-asking, even for a GET. */
    @Test
    void getResetMidBodyFailsWithIoErrorWithoutRetry() {
        server.otherwise(Faults.resetMidBody(Bodies.apiKeys(), 10));
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        call.threwExactly(SpiceCloudIoException.class);
        assertEquals(1, server.requestCount("GET"));
        assertEquals(List.of(), sleeper.sleeps());
        call.endedWithin(TestClients.singleAttemptDeadline());
    }

    @Test
    void regenerateResetMidBodyReachesTheServerExactlyOnce() {
        server.enqueue(Faults.resetMidBody(Bodies.regenerated(), 10)).otherwise(Bodies.regenerated());
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        call.threwExactly(SpiceCloudIoException.class);
        assertEquals(1, server.requestCount("POST"));
        assertEquals(List.of(), sleeper.sleeps());
        call.endedWithin(TestClients.singleAttemptDeadline());
    }

    @Test
    void getToAServerThatNeverAnswersTimesOutWithinTheDeadline() {
        server.otherwise(Faults.neverAnswer());
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        call.threwExactly(SpiceCloudTimeoutException.class);
        assertEquals(MAX_RETRIES + 1, server.requestCount("GET"));
        // The sleeper records backoffs without waiting, so only the attempts' own read timeouts take time:
        // measured on the caller's clock, since the server's receive times lag under load.
        call.tookAtLeast(READ_TIMEOUT.multipliedBy(MAX_RETRIES + 1)).endedWithin(TestClients.getDeadline(sleeper));
    }

    @Test
    void regenerateToAServerThatNeverAnswersTimesOutAfterOneRequest() {
        server.otherwise(Faults.neverAnswer());
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        timedOutAfterOneAttempt(call, "POST");
    }

    @Test
    void aShorterPerCallReadTimeoutIsHonoured() {
        server.otherwise(Faults.neverAnswer());
        Duration shortRead = Duration.ofMillis(200);
        SpiceCloudClient impatient = client.withTimeouts(CONNECT_TIMEOUT, shortRead);
        Timed<?> call = Timed.call(() -> impatient.apiKeys().regenerateApiKey(APP, null));
        call.threwExactly(SpiceCloudTimeoutException.class);
        assertEquals(1, server.requestCount("POST"));
        call.tookAtLeast(shortRead).endedWithin(TestClients.deadline(1, CONNECT_TIMEOUT, shortRead, Duration.ZERO));
    }

    @Test
    void getWhoseBodyStallsAfterTheHeadersTimesOutWithoutRetry() {
        server.otherwise(Faults.headersThenStall(Bodies.apiKeys(), 5));
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        timedOutAfterOneAttempt(call, "GET");
    }

    @Test
    void regenerateWhoseBodyStallsAfterTheHeadersTimesOutAfterOneRequest() {
        server.otherwise(Faults.headersThenStall(Bodies.regenerated(), 5));
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        timedOutAfterOneAttempt(call, "POST");
    }

    /**
     * The read timeout bounds silence between bytes, not the whole call: a steady trickle that ends within the
     * call timeout is read to the end.
     */
    @Test
    void aTrickleFasterThanTheReadTimeoutAndWithinTheCallTimeoutIsReadToTheEnd() {
        Reply reply = Reply.json(200, "{\"api_key\":\"k\",\"api_key_2\":null}");
        Duration gap = Duration.ofMillis(5);
        server.otherwise(Faults.trickle(reply, gap));
        SpiceCloudClient patient = TestClients.builder(server.baseUrl(), sleeper).callTimeout(Duration.ofSeconds(10)).build();
        Timed<ApiKeys> call = Timed.call(() -> patient.apiKeys().getApiKeys(APP));
        assertEquals("k", call.returned().getApiKey());
        assertNull(call.returned().getApiKey2());
        assertEquals(1, server.requestCount("GET"));
        call.endedWithin(gap.multipliedBy(reply.bytes().length).multipliedBy(4).plus(TestClients.SLACK));
    }

    /**
     * A trickle that never pauses long enough for the read timeout would hold a regeneration for as long as the
     * server likes (about 8 s here); the call timeout ends it, and the regeneration is not sent again.
     */
    @Test
    void aTrickleLongerThanTheCallTimeoutEndsARegenerationInATimeoutAfterOneRequest() {
        Duration gap = Duration.ofMillis(40);
        server.otherwise(Faults.trickle(Bodies.regenerated(), gap));
        assertTrue(gap.multipliedBy(Bodies.regenerated().bytes().length).compareTo(SHORT_CALL.plus(TestClients.SLACK)) > 0,
                "the trickle must outlast the deadline asserted below, or this test proves nothing");
        SpiceCloudClient bounded = TestClients.builder(server.baseUrl(), sleeper).callTimeout(SHORT_CALL).build();
        Timed<?> call = Timed.call(() -> bounded.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        call.threwExactly(SpiceCloudTimeoutException.class);
        assertEquals(1, server.requestCount("POST"), "a regeneration ended by the call timeout is never re-sent");
        assertEquals(List.of(), sleeper.sleeps());
        call.tookAtLeast(SHORT_CALL).endedWithin(TestClients.callDeadline(1, SHORT_CALL, Duration.ZERO));
    }

    /**
     * A GET whose response head is still trickling when the call timeout fires never got an answer: like a
     * read timeout before the head, it is retried within the budget, each attempt bounded by the call timeout.
     */
    @Test
    void aGetWhoseHeadTricklesPastTheCallTimeoutIsRetriedAndEndsWithinItsBudget() {
        Duration gap = Duration.ofMillis(40);
        server.otherwise(Faults.trickle(Bodies.apiKeys(), gap));
        assertTrue(gap.multipliedBy(Bodies.apiKeys().head().length).compareTo(SHORT_CALL.multipliedBy(2)) > 0,
                "the head must trickle well past the call timeout");
        SpiceCloudClient bounded = TestClients.builder(server.baseUrl(), sleeper).callTimeout(SHORT_CALL).build();
        Timed<ApiKeys> call = Timed.call(() -> bounded.apiKeys().getApiKeys(APP));
        call.threwExactly(SpiceCloudTimeoutException.class);
        assertEquals(MAX_RETRIES + 1, server.requestCount("GET"));
        assertEquals(MAX_RETRIES, sleeper.sleeps().size());
        call.tookAtLeast(SHORT_CALL.multipliedBy(MAX_RETRIES + 1))
                .endedWithin(TestClients.callDeadline(MAX_RETRIES + 1, SHORT_CALL, sleeper.total()));
    }

    /** Once the head has arrived, a body trickling past the call timeout is reported, not re-asked, even for a GET. */
    @Test
    void aGetWhoseBodyTricklesPastTheCallTimeoutTimesOutWithoutRetry() {
        Duration gap = Duration.ofMillis(60);
        server.otherwise(Faults.headThenTrickleBody(Bodies.apiKeys(), gap));
        assertTrue(gap.multipliedBy(Bodies.apiKeys().bodyBytes().length).compareTo(SHORT_CALL.plus(TestClients.SLACK)) > 0,
                "the body must outlast the deadline asserted below");
        SpiceCloudClient bounded = TestClients.builder(server.baseUrl(), sleeper).callTimeout(SHORT_CALL).build();
        Timed<ApiKeys> call = Timed.call(() -> bounded.apiKeys().getApiKeys(APP));
        call.threwExactly(SpiceCloudTimeoutException.class);
        assertEquals(1, server.requestCount("GET"));
        assertEquals(List.of(), sleeper.sleeps());
        call.tookAtLeast(SHORT_CALL).endedWithin(TestClients.callDeadline(1, SHORT_CALL, Duration.ZERO));
    }

    @Test
    void aTrickleSlowerThanTheReadTimeoutTimesOutAndARegenerationIsNotRepeated() {
        server.otherwise(Faults.trickle(Bodies.regenerated(), READ_TIMEOUT.multipliedBy(3)));
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        call.threwExactly(SpiceCloudTimeoutException.class);
        assertEquals(1, server.requestCount("POST"));
        call.tookAtLeast(READ_TIMEOUT).endedWithin(TestClients.singleAttemptDeadline());
    }

    /** One request, no backoff, the read timeout waited out, within one attempt's deadline. */
    private void timedOutAfterOneAttempt(Timed<?> call, String method) {
        call.threwExactly(SpiceCloudTimeoutException.class);
        assertEquals(1, server.requestCount(method));
        assertEquals(List.of(), sleeper.sleeps());
        call.tookAtLeast(READ_TIMEOUT).endedWithin(TestClients.singleAttemptDeadline());
    }
}
