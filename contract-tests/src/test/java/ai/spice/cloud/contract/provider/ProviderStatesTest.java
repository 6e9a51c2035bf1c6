package ai.spice.cloud.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.errors.ForbiddenException;
import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.NotFoundException;
import ai.spice.cloud.client.errors.UnauthorizedException;
import ai.spice.cloud.testing.SpiceCloudFake;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each provider state builds the world its sentence says, through the fake; an unknown state fails. */
class ProviderStatesTest {
  private final SpiceCloudFake fake = SpiceCloudFake.start();

  private SpiceCloudClient client(String state) {
    ProviderStates.setUp(fake, "t", List.of(state));
    return SpiceCloudClient.builder().baseUrl(fake.url()).bearerToken("t").maxRetries(0).build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void anUnknownStateFailsNamingTheKnownOnes() {
    assertThatThrownBy(() -> ProviderStates.setUp(fake, "t", List.of("app 42 is on fire")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("unknown provider state 'app 42 is on fire'")
        .hasMessageContaining("no app (\\d+) exists");
  }

  @Test
  void aPrimaryWithoutSecondaryKey() {
    var keys = client("app 42 exists and has a primary API key but no secondary key").apiKeys().getApiKeys(42L);
    assertThat(keys.getApiKey()).isNotNull();
    assertThat(keys.getApiKey2()).isNull();
  }

  @Test
  void bothKeys() {
    var keys = client("app 42 exists and has a primary and a secondary API key").apiKeys().getApiKeys(42L);
    assertThat(keys.getApiKey()).isNotNull();
    assertThat(keys.getApiKey2()).isNotNull();
  }

  @Test
  void aTokenLackingReadScopeCannotReadAndLackingWriteCanReadButNotWrite() {
    assertThatThrownBy(() -> client("app 42 exists and the token lacks the apps:read scope").apiKeys()
        .getApiKeys(42L)).isInstanceOf(ForbiddenException.class);
    fake.revokeToken("t");
    SpiceCloudClient writeless = client("app 42 exists and the token lacks the apps:write scope");
    assertThat(writeless.apiKeys().getApiKeys(42L)).isNotNull();
    assertThatThrownBy(() -> writeless.apiKeys().regenerateApiKey(42L, null)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void anExpiredOrInvalidTokenIsNotRegistered() {
    assertThatThrownBy(() -> client("the bearer token is expired or invalid").apiKeys().getApiKeys(42L))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void noAppIsNotFound() {
    assertThatThrownBy(() -> client("no app 999 exists").apiKeys().getApiKeys(999L))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anInternalFailureAnswers500() {
    assertThatThrownBy(() -> client("app 42 exists and the control plane fails internally").apiKeys()
        .getApiKeys(42L)).isInstanceOf(InternalServerException.class);
  }
}
