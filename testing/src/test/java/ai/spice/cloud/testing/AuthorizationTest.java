package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.errors.ForbiddenException;
import ai.spice.cloud.client.errors.UnauthorizedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SpiceCloudFakeExtension.class)
class AuthorizationTest {
  private static SpiceCloudClient client(SpiceCloudFake fake, String token) {
    return SpiceCloudClient.builder().baseUrl(fake.url()).bearerToken(token).maxRetries(0).build();
  }

  @Test
  void aMissingTokenIsUnauthorizedWithTheErrorShape(SpiceCloudFake fake) {
    fake.app(42);
    Raw.Response r = Raw.get(fake, "/v1/apps/42/api-keys");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo("unauthorized");
    assertThat(r.json().path("error").asText()).isNotBlank();
    assertThat(Raw.get(fake, "/v1/apps/42/api-keys", "Authorization", "Basic dXNlcjpwYXNz").status()).isEqualTo(401);
    assertThat(Raw.get(fake, "/v1/apps/42/api-keys", "Authorization", "Bearer ").status()).isEqualTo(401);
  }

  @Test
  void anUnknownOrRevokedTokenIsUnauthorized(SpiceCloudFake fake) {
    fake.app(42);
    assertThatThrownBy(() -> client(fake, "nobody-knows-me").apiKeys().getApiKeys(42L))
        .isInstanceOf(UnauthorizedException.class);
    fake.token("short-lived", "*");
    assertThat(client(fake, "short-lived").apiKeys().getApiKeys(42L)).isNotNull();
    fake.revokeToken("short-lived");
    assertThatThrownBy(() -> client(fake, "short-lived").apiKeys().getApiKeys(42L))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void theBearerSchemeIsCaseInsensitive(SpiceCloudFake fake) {
    assertThat(Raw.get(fake, "/v1/apps", "Authorization", "bearer " + fake.defaultToken()).status()).isEqualTo(200);
  }

  @Test
  void readingKeysNeedsAppsReadAndRegeneratingNeedsAppsWrite(SpiceCloudFake fake) {
    fake.app(42);
    fake.token("reader", "apps:read");
    fake.token("nothing");
    assertThat(client(fake, "reader").apiKeys().getApiKeys(42L)).isNotNull();
    assertThatThrownBy(() -> client(fake, "reader").apiKeys().regenerateApiKey(42L, null))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> client(fake, "nothing").apiKeys().getApiKeys(42L))
        .isInstanceOf(ForbiddenException.class);
    Raw.Response r = Raw.post(fake, "/v1/apps/42/api-keys", null, Raw.bearer("reader"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.code()).isEqualTo("insufficient_scope");
    assertThat(r.json().path("details").path("required_scope").asText()).isEqualTo("apps:write");
  }

  @Test
  void aWriteScopeImpliesItsReadScopeAndStarIsEverything(SpiceCloudFake fake) {
    fake.app(42).secret("DB_PASSWORD", "hunter2");
    fake.token("writer", "apps:write", "secrets:write", "members:write");
    fake.token("star", "*");
    for (String token : new String[] {"writer", "star"}) {
      assertThat(Raw.get(fake, "/v1/apps/42/api-keys", Raw.bearer(token)).status()).as(token).isEqualTo(200);
      assertThat(Raw.get(fake, "/v1/apps", Raw.bearer(token)).status()).as(token).isEqualTo(200);
      assertThat(Raw.get(fake, "/v1/apps/42/secrets", Raw.bearer(token)).status()).as(token).isEqualTo(200);
      assertThat(Raw.get(fake, "/v1/members", Raw.bearer(token)).status()).as(token).isEqualTo(200);
    }
  }

  @Test
  void eachOperationAsksForItsOwnScope(SpiceCloudFake fake) {
    fake.app(42);
    fake.token("apps-only", "apps:read");
    assertThat(Raw.get(fake, "/v1/apps/42/secrets", Raw.bearer("apps-only")).code()).isEqualTo("insufficient_scope");
    assertThat(Raw.get(fake, "/v1/members", Raw.bearer("apps-only")).code()).isEqualTo("insufficient_scope");
    fake.token("secrets-only", "secrets:read");
    assertThat(Raw.get(fake, "/v1/apps", Raw.bearer("secrets-only")).code()).isEqualTo("insufficient_scope");
    assertThat(Raw.get(fake, "/v1/apps/42/secrets", Raw.bearer("secrets-only")).status()).isEqualTo(200);
  }

  @Test
  void regionsNeedAValidTokenWithAnyScope(SpiceCloudFake fake) {
    fake.token("apps-only", "apps:read");
    fake.token("no-scopes");
    assertThat(Raw.get(fake, "/v1/regions", Raw.bearer("apps-only")).status()).isEqualTo(200);
    assertThat(Raw.get(fake, "/v1/regions", Raw.bearer("no-scopes")).code()).isEqualTo("insufficient_scope");
    assertThat(Raw.get(fake, "/v1/regions").status()).isEqualTo(401);
  }

  @Test
  void healthIsPublicAndIgnoresTokens(SpiceCloudFake fake) {
    assertThat(Raw.get(fake, "/v1/health").status()).isEqualTo(200);
    assertThat(Raw.get(fake, "/v1/health", Raw.bearer("unknown")).status()).isEqualTo(200);
  }

  @Test
  void unknownScopesAreRefusedWhenSeeding(SpiceCloudFake fake) {
    assertThatThrownBy(() -> fake.token("t", "apps:admin")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown scope 'apps:admin'");
  }
}
