package ai.spice.cloud.reliability;

import static ai.spice.cloud.reliability.TestClients.CONNECT_TIMEOUT;
import static ai.spice.cloud.reliability.TestClients.MAX_RETRIES;
import static ai.spice.cloud.reliability.TestClients.READ_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.errors.SpiceCloudTimeoutException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transport failures: refused, reset, silence, stalls and trickles. GET may retry within its budget; a
 * regeneration reaches the server exactly once whatever happens, because re-sending it rotates the key again.
 */
class NetworkFaultTest {
    private static final long APP = 42L;
    private FaultServer server;
    private RecordingSleeper sleeper;
    private SpiceCloudClient client;

    @BeforeEach
    void start() throws IOException {
        server = FaultServer.start();
        sleeper = new RecordingSleeper();
        client = TestClients.client(server.baseUrl(), sleeper);
    }

    @AfterEach
    void stop() {
        server.close();
    }

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
        List<RecordedRequest> attempts = server.requests();
        for (int i = 1; i < attempts.size(); i++) {
            long gap = attempts.get(i).receivedNanos() - attempts.get(i - 1).receivedNanos();
            assertTrue(gap >= READ_TIMEOUT.toNanos(), "attempt " + i + " did not wait out the read timeout");
        }
        call.tookAtLeast(READ_TIMEOUT).endedWithin(TestClients.getDeadline(sleeper));
    }

    @Test
    void regenerateToAServerThatNeverAnswersTimesOutAfterOneRequest() {
        server.otherwise(Faults.neverAnswer());
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        call.threwExactly(SpiceCloudTimeoutException.class);
        assertEquals(1, server.requestCount("POST"));
        assertEquals(List.of(), sleeper.sleeps());
        call.tookAtLeast(READ_TIMEOUT).endedWithin(TestClients.singleAttemptDeadline());
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
        call.threwExactly(SpiceCloudTimeoutException.class);
        assertEquals(1, server.requestCount("GET"));
        assertEquals(List.of(), sleeper.sleeps());
        call.tookAtLeast(READ_TIMEOUT).endedWithin(TestClients.singleAttemptDeadline());
    }

    @Test
    void regenerateWhoseBodyStallsAfterTheHeadersTimesOutAfterOneRequest() {
        server.otherwise(Faults.headersThenStall(Bodies.regenerated(), 5));
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        call.threwExactly(SpiceCloudTimeoutException.class);
        assertEquals(1, server.requestCount("POST"));
        assertEquals(List.of(), sleeper.sleeps());
        call.tookAtLeast(READ_TIMEOUT).endedWithin(TestClients.singleAttemptDeadline());
    }

    /** The read timeout bounds silence between bytes, not the whole call: a steady trickle is read to the end. */
    @Test
    void aTrickleFasterThanTheReadTimeoutIsReadToTheEnd() {
        Reply reply = Reply.json(200, "{\"api_key\":\"k\",\"api_key_2\":null}");
        Duration gap = Duration.ofMillis(5);
        server.otherwise(Faults.trickle(reply, gap));
        Timed<ApiKeys> call = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        assertEquals("k", call.returned().getApiKey());
        assertNull(call.returned().getApiKey2());
        assertEquals(1, server.requestCount("GET"));
        call.endedWithin(gap.multipliedBy(reply.bytes().length).multipliedBy(4).plus(TestClients.SLACK));
    }

    @Test
    void aTrickleSlowerThanTheReadTimeoutTimesOutAndARegenerationIsNotRepeated() {
        server.otherwise(Faults.trickle(Bodies.regenerated(), READ_TIMEOUT.multipliedBy(3)));
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()));
        call.threwExactly(SpiceCloudTimeoutException.class);
        assertEquals(1, server.requestCount("POST"));
        call.tookAtLeast(READ_TIMEOUT).endedWithin(TestClients.singleAttemptDeadline());
    }
}
