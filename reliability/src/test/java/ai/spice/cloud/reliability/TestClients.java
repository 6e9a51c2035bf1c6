package ai.spice.cloud.reliability;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.Sleeper;
import java.time.Duration;

/**
 * The client configuration every fault test uses. Timeouts are short so real-timeout tests stay fast; the
 * backoff numbers are distinct from the Retry-After values the tests send, so a recorded sleep tells which
 * one the client used.
 */
final class TestClients {
    static final String TOKEN = "tok-RELIABILITY-0f3b9c6e2d1a4857";
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    static final Duration READ_TIMEOUT = Duration.ofMillis(400);
    static final int MAX_RETRIES = 3;
    static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);
    /** JVM warm-up, GC and scheduling on a busy 2-core CI box; generous on purpose, the bounds are upper bounds. */
    static final Duration SLACK = Duration.ofSeconds(3);

    private TestClients() {
    }

    static SpiceCloudClient.Builder builder(String baseUrl, Sleeper sleeper) {
        return SpiceCloudClient.builder()
                .baseUrl(baseUrl)
                .bearerToken(TOKEN)
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .maxRetries(MAX_RETRIES)
                .initialBackoff(INITIAL_BACKOFF)
                .maxBackoff(MAX_BACKOFF)
                .maxRetryAfter(MAX_RETRY_AFTER)
                .sleeper(sleeper);
    }

    static SpiceCloudClient client(String baseUrl, Sleeper sleeper) {
        return builder(baseUrl, sleeper).build();
    }

    /**
     * Worst case wall time of one call with a non-waiting sleeper: every attempt may spend a connect and a
     * read timeout, plus the backoff the sleeper was asked for (zero real time here, but counted so the bound
     * stays right if a real sleeper is used).
     */
    static Duration deadline(int attempts, Duration connect, Duration read, Duration sleptFor) {
        return connect.plus(read).multipliedBy(attempts).plus(sleptFor).plus(SLACK);
    }

    /**
     * Worst case wall time of a call whose attempts are each ended by the call timeout, whatever the server
     * trickles: {@code attempts x call} plus the backoffs asked for.
     */
    static Duration callDeadline(int attempts, Duration call, Duration sleptFor) {
        return call.multipliedBy(attempts).plus(sleptFor).plus(SLACK);
    }

    static Duration getDeadline(RecordingSleeper sleeper) {
        return deadline(MAX_RETRIES + 1, CONNECT_TIMEOUT, READ_TIMEOUT, sleeper.total());
    }

    static Duration singleAttemptDeadline() {
        return deadline(1, CONNECT_TIMEOUT, READ_TIMEOUT, Duration.ZERO);
    }
}
