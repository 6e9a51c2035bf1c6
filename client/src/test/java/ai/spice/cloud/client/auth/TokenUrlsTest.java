package ai.spice.cloud.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenUrlsTest {
  @Test
  void theApiHostsTokensComeFromTheSiteHost() {
    assertThat(TokenUrls.forBaseUrl("https://api.spice.ai")).hasToString("https://spice.ai/api/oauth/token");
    assertThat(TokenUrls.forBaseUrl("https://dev-api.spice.ai")).hasToString("https://dev.spice.ai/api/oauth/token");
    assertThat(TokenUrls.forBaseUrl("https://api.eu.spice.ai/")).hasToString("https://eu.spice.ai/api/oauth/token");
  }

  @Test
  void anyOtherHostServesTokensItself() {
    assertThat(TokenUrls.forBaseUrl("https://proxy.example.com:8443/spice"))
        .hasToString("https://proxy.example.com:8443/api/oauth/token");
    assertThat(TokenUrls.forBaseUrl("http://127.0.0.1:8080")).hasToString("http://127.0.0.1:8080/api/oauth/token");
    assertThat(TokenUrls.forBaseUrl("http://localhost:9")).hasToString("http://localhost:9/api/oauth/token");
  }

  @Test
  void plainHttpIsOnlyForLoopback() {
    assertThat(TokenUrls.check("http://[::1]:8080/t").host()).isEqualTo("::1");
    assertThatThrownBy(() -> TokenUrls.forBaseUrl("http://api.spice.ai")).hasMessageContaining("must use https");
    assertThatThrownBy(() -> TokenUrls.check("http://10.0.0.1/t")).hasMessageContaining("must use https");
    assertThatThrownBy(() -> TokenUrls.check("ftp://x")).hasMessageContaining("not an http(s) URL");
  }
}
