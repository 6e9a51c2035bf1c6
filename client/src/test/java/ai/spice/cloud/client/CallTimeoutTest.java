package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.SpiceCloudTimeoutException;
import ai.spice.cloud.client.model.ApiKeys;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * The call timeout bounds a whole attempt, where the read timeout (5 s here) only bounds silence between
 * bytes. The slow responses below never stay silent for long, so only the call timeout can end them.
 */
class CallTimeoutTest extends ServerTest {

  private static final String KEYS_JSON = "{\"api_key\":\"" + KEY_1 + "\",\"api_key_2\":\"" + KEY_2 + "\"}";
  private static final String REGENERATED_JSON =
      "{\"api_key\":\"" + KEY_1 + "\",\"api_key_2\":\"" + KEY_2 + "\",\"regenerated_key\":1}";

  /** One body byte every 20 ms: the ~70 byte bodies take about 1.5 s, with no gap near the read timeout. */
  private static MockResponse trickling(String json) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json)
        .throttleBody(1, 20, TimeUnit.MILLISECONDS).build();
  }

  /** The head comes after a pause longer than the call timeout but well within the read timeout. */
  private static MockResponse lateHead(MockResponse response) {
    return response.newBuilder().headersDelay(1500, TimeUnit.MILLISECONDS).build();
  }

  private SpiceCloudClient clientWithCallTimeout(Duration callTimeout) {
    return clientBuilder().callTimeout(callTimeout).build();
  }

  @Test
  void getWhoseBodyTricklesPastTheCallTimeoutFailsWithATimeoutAndIsNotRetried() {
    server.enqueue(trickling(KEYS_JSON));
    server.enqueue(keys(KEY_1, KEY_2));

    SpiceCloudTimeoutException e = catchThrowableOfType(SpiceCloudTimeoutException.class,
        () -> clientWithCallTimeout(Duration.ofMillis(500)).apiKeys().getApiKeys(1L));

    assertThat(e).isNotNull().hasCauseInstanceOf(InterruptedIOException.class);
    assertThat(e.getMessage()).startsWith("GET /v1/apps/1/api-keys timed out").doesNotContain(TOKEN);
    // The head had arrived: like a read timeout mid-body, this is reported, not re-asked.
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void regenerateWhoseBodyTricklesPastTheCallTimeoutIsSentExactlyOnce() {
    server.enqueue(trickling(REGENERATED_JSON));
    server.enqueue(trickling(REGENERATED_JSON));

    SpiceCloudTimeoutException e = catchThrowableOfType(SpiceCloudTimeoutException.class,
        () -> clientWithCallTimeout(Duration.ofMillis(500)).apiKeys().regenerateApiKey(1L, null));

    assertThat(e).isNotNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void getWhoseHeadIsLaterThanTheCallTimeoutIsRetriedLikeAnUnansweredRequest() {
    server.enqueue(lateHead(keys(KEY_2, KEY_1))); // swapped keys: would show if this answer were used
    server.enqueue(keys(KEY_1, KEY_2));

    ApiKeys keys = clientWithCallTimeout(Duration.ofMillis(300)).apiKeys().getApiKeys(1L);

    assertThat(keys.getApiKey()).isEqualTo(KEY_1);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @Test
  void getWhoseHeadIsAlwaysLateFailsWithATimeoutAfterTheRetryBudget() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(lateHead(keys(KEY_1, KEY_2)));
    }

    SpiceCloudTimeoutException e = catchThrowableOfType(SpiceCloudTimeoutException.class,
        () -> clientBuilder().maxRetries(2).callTimeout(Duration.ofMillis(300)).build().apiKeys().getApiKeys(1L));

    assertThat(e).isNotNull();
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void regenerateWhoseHeadIsLaterThanTheCallTimeoutIsSentExactlyOnce() {
    server.enqueue(lateHead(trickling(REGENERATED_JSON)));
    server.enqueue(trickling(REGENERATED_JSON));

    SpiceCloudTimeoutException e = catchThrowableOfType(SpiceCloudTimeoutException.class,
        () -> clientWithCallTimeout(Duration.ofMillis(300)).apiKeys().regenerateApiKey(1L, null));

    assertThat(e).isNotNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void aTrickleThatEndsWithinTheCallTimeoutIsReadToTheEnd() {
    server.enqueue(trickling(KEYS_JSON));

    ApiKeys keys = clientWithCallTimeout(Duration.ofSeconds(20)).apiKeys().getApiKeys(1L);

    assertThat(keys.getApiKey()).isEqualTo(KEY_1);
    assertThat(keys.getApiKey2()).isEqualTo(KEY_2);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theCallTimeoutDefaultsToSixtySeconds() {
    assertThat(client().httpClient().callTimeoutMillis()).isEqualTo(60_000);
  }

  @Test
  void aNonPositiveCallTimeoutIsRefused() {
    assertThatThrownBy(() -> clientBuilder().callTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout");
    assertThatThrownBy(() -> clientBuilder().callTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout");
  }

  @Test
  void toBuilderKeepsTheCallTimeout() {
    SpiceCloudClient client = clientWithCallTimeout(Duration.ofSeconds(7));

    assertThat(client.toBuilder().build().httpClient().callTimeoutMillis()).isEqualTo(7_000);
  }

  @Test
  void withTimeoutsSetsTheCallTimeoutExactlyAndSharesThePool() {
    SpiceCloudClient client = clientWithCallTimeout(Duration.ofSeconds(60));

    SpiceCloudClient other = client.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));

    assertThat(other.httpClient().callTimeoutMillis()).isEqualTo(4_000);
    assertThat(other.httpClient().connectionPool()).isSameAs(client.httpClient().connectionPool());
    assertThat(client.httpClient().callTimeoutMillis()).isEqualTo(60_000);
  }

  @Test
  void withTimeoutsWithoutACallTimeoutKeepsThisClientsCallTimeout() {
    SpiceCloudClient client = clientWithCallTimeout(Duration.ofSeconds(10));

    SpiceCloudClient other = client.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));

    assertThat(other.httpClient().callTimeoutMillis()).isEqualTo(10_000);
  }

  @Test
  void withTimeoutsWithALongerReadTimeoutRaisesTheCallTimeoutToConnectPlusRead() {
    SpiceCloudClient client = clientWithCallTimeout(Duration.ofSeconds(10));

    SpiceCloudClient other = client.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(120));

    assertThat(other.httpClient().callTimeoutMillis()).isEqualTo(125_000);
    assertThat(other.httpClient().readTimeoutMillis()).isEqualTo(120_000);
  }

  @Test
  void aPerCallCallTimeoutIsHonoured() {
    server.enqueue(trickling(KEYS_JSON));
    SpiceCloudClient patient = clientWithCallTimeout(Duration.ofSeconds(20));

    SpiceCloudClient impatient = patient.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofMillis(500));

    assertThat(catchThrowableOfType(SpiceCloudTimeoutException.class,
        () -> impatient.apiKeys().getApiKeys(1L))).isNotNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
