package ai.spice.cloud.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentConfigTest {
  private final Map<String, String> env = new HashMap<>();
  private final Map<String, String> props = new HashMap<>();

  private EnvironmentConfig.Settings read() {
    return EnvironmentConfig.read(env::get, props::get);
  }

  private String error() {
    return catchThrowableOfType(IllegalStateException.class, this::read).getMessage();
  }

  @Test
  void aTokenComesFirstThenAPersonalAccessToken() {
    env.put("SPICE_CLOUD_PAT", "pat-123");
    assertThat(read().bearerToken()).hasValue("pat-123");

    env.put("SPICE_CLOUD_TOKEN", "tok-456");
    assertThat(read().bearerToken()).hasValue("tok-456");
  }

  @Test
  void clientCredentialsNeedBothHalves() {
    env.put("SPICE_CLOUD_CLIENT_ID", "id-1");
    env.put("SPICE_CLOUD_CLIENT_SECRET", "secret-value-9");

    EnvironmentConfig.Settings s = read();

    assertThat(s.bearerToken()).isEmpty();
    assertThat(s.clientId()).hasValue("id-1");
    assertThat(s.clientSecret()).hasValue("secret-value-9");
    assertThat(s.toString()).doesNotContain("secret-value-9");
  }

  @Test
  void aHalfSetPairNamesTheMissingVariableAndEchoesNothing() {
    env.put("SPICE_CLOUD_CLIENT_SECRET", "secret-value-9");

    String message = error();

    assertThat(message).contains("SPICE_CLOUD_CLIENT_ID", "spice.cloud.client.id").doesNotContain("secret-value-9");
  }

  @Test
  void anEmptyValueIsAnErrorNamingTheVariable() {
    env.put("SPICE_CLOUD_TOKEN", "  ");
    assertThat(error()).isEqualTo("Environment variable SPICE_CLOUD_TOKEN is set but empty");

    env.clear();
    env.put("SPICE_CLOUD_TOKEN", "tok");
    props.put("spice.cloud.org", "");
    assertThat(error()).isEqualTo("System property spice.cloud.org is set but empty");
  }

  @Test
  void systemPropertiesWinOverTheEnvironment() {
    env.put("SPICE_CLOUD_TOKEN", "from-env");
    env.put("SPICE_CLOUD_BASE_URL", "https://env.example");
    props.put("spice.cloud.token", "from-prop");
    props.put("spice.cloud.base.url", "https://prop.example");
    props.put("spice.cloud.token.url", "https://auth.example/t");
    env.put("SPICE_CLOUD_ORG", "acme");

    EnvironmentConfig.Settings s = read();

    assertThat(s.bearerToken()).hasValue("from-prop");
    assertThat(s.baseUrl()).hasValue("https://prop.example");
    assertThat(s.tokenUrl()).hasValue("https://auth.example/t");
    assertThat(s.organization()).hasValue("acme");
  }

  @Test
  void noCredentialsAtAllSaysWhatToSet() {
    assertThat(error()).contains("SPICE_CLOUD_TOKEN", "SPICE_CLOUD_PAT", "SPICE_CLOUD_CLIENT_ID",
        "SPICE_CLOUD_CLIENT_SECRET");
  }
}
