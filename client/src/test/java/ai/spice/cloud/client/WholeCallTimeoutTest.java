package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static ai.spice.cloud.client.testing.Responses.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.SpiceCloudTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The builder's timeout bounds the whole call, every attempt and backoff included. */
class WholeCallTimeoutTest extends ServerTest {

  @Test
  void noRetryStartsWhoseBackoffWouldEndAfterTheDeadline() {
    server.enqueue(json(503, "{}"));
    server.enqueue(keys(KEY_1, KEY_2));
    SpiceCloudClient client = clientBuilder().timeout(Duration.ofMillis(900)).initialBackoff(Duration.ofSeconds(2))
        .maxBackoff(Duration.ofSeconds(2)).build();

    catchThrowableOfType(InternalServerException.class, () -> client.apiKeys().getApiKeys(1L));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void aRetryAfterLongerThanWhatIsLeftEndsTheCallWithTheLastError() {
    server.enqueue(json(429, "{}").newBuilder().addHeader("Retry-After", "5").build());
    server.enqueue(keys(KEY_1, KEY_2));

    catchThrowableOfType(ai.spice.cloud.client.errors.RateLimitException.class,
        () -> clientBuilder().timeout(Duration.ofSeconds(2)).build().apiKeys().getApiKeys(1L));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theLastAttemptGetsOnlyWhatIsLeftOfTheTimeout() {
    server.enqueue(keys(KEY_1, KEY_2).newBuilder().headersDelay(3, TimeUnit.SECONDS).build());
    SpiceCloudClient client = clientBuilder().timeout(Duration.ofMillis(700)).build();

    long started = System.nanoTime();
    SpiceCloudTimeoutException e = catchThrowableOfType(SpiceCloudTimeoutException.class,
        () -> client.apiKeys().getApiKeys(1L));

    assertThat(e).isNotNull();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2500);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void withinTheTimeoutRetriesGoOnAsUsual() {
    server.enqueue(json(503, "{}"));
    server.enqueue(keys(KEY_1, KEY_2));

    assertThat(clientBuilder().timeout(Duration.ofSeconds(30)).build().apiKeys().getApiKeys(1L).getApiKey())
        .isEqualTo(KEY_1);
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @Test
  void aNonPositiveTimeoutIsRefused() {
    assertThatThrownBy(() -> clientBuilder().timeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
  }
}
