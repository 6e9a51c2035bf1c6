package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuilderTest extends ServerTest {

  @Test
  void plainHttpToARemoteHostIsRefused() {
    assertThatThrownBy(() -> SpiceCloudClient.builder().bearerToken(TOKEN).baseUrl("http://api.spice.ai").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clear text")
        .hasMessageContaining("allowInsecureHttp")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void plainHttpToARemoteHostIsAllowedWhenOptedIn() {
    SpiceCloudClient client = SpiceCloudClient.builder().bearerToken(TOKEN)
        .baseUrl("http://proxy.internal:8080").allowInsecureHttp(true).build();

    assertThat(client.toString()).contains("http://proxy.internal:8080");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080",
      "http://127.9.9.9", "https://api.spice.ai"})
  void loopbackHttpAndHttpsNeedNoOptIn(String url) {
    SpiceCloudClient.builder().bearerToken(TOKEN).baseUrl(url).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost.evil.example", "http://10.0.0.1", "http://127.0.0.1.nip.io"})
  void namesThatOnlyLookLocalAreRefused(String url) {
    assertThatThrownBy(() -> SpiceCloudClient.builder().bearerToken(TOKEN).baseUrl(url).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://api.spice.ai", "api.spice.ai", "https://user:pw@api.spice.ai", "::"})
  void malformedBaseUrlsAreRefused(String url) {
    assertThatThrownBy(() -> SpiceCloudClient.builder().bearerToken(TOKEN).baseUrl(url).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTokenIsRequired() {
    assertThatThrownBy(() -> SpiceCloudClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bearerToken");
  }

  @Test
  void invalidRetrySettingsAreRefused() {
    assertThatThrownBy(() -> SpiceCloudClient.builder().bearerToken(TOKEN).maxRetries(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SpiceCloudClient.builder().bearerToken(TOKEN).readTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultBaseUrlIsTheSpecServer() {
    assertThat(SpiceCloudClient.builder().bearerToken(TOKEN).build().toString())
        .contains("baseUrl=https://api.spice.ai");
  }

  @Test
  void fromEnvReadsTokenAndBaseUrl() throws Exception {
    server.enqueue(keys(KEY_1, KEY_2));
    Map<String, String> env = Map.of(SpiceCloudClient.ENV_TOKEN, "env-token-123",
        SpiceCloudClient.ENV_BASE_URL, baseUrl());

    SpiceCloudClient.fromEnv(env::get, name -> null).apiKeys().getApiKeys(1L);

    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer env-token-123");
  }

  @Test
  void fromEnvWithoutATokenFailsClearly() {
    assertThatThrownBy(() -> SpiceCloudClient.fromEnv(name -> null, name -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(SpiceCloudClient.ENV_TOKEN);
  }

  @Test
  void toBuilderKeepsTheSettings() throws Exception {
    server.enqueue(keys(KEY_1, KEY_2));

    client().toBuilder().build().apiKeys().getApiKeys(1L);

    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void withTimeoutsSharesTheConnectionPool() {
    SpiceCloudClient client = client();

    SpiceCloudClient other = client.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));

    assertThat(other.httpClient().connectionPool()).isSameAs(client.httpClient().connectionPool());
    assertThat(other.httpClient().readTimeoutMillis()).isEqualTo(2000);
    assertThat(client.httpClient().readTimeoutMillis()).isEqualTo(5000);
  }

  @Test
  void apiKeysIsOneSharedInstance() {
    SpiceCloudClient client = client();

    assertThat(client.apiKeys()).isSameAs(client.apiKeys());
  }
}
