package ai.spice.cloud.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.api.ApiKeysApi;
import ai.spice.cloud.client.errors.BadRequestException;
import ai.spice.cloud.client.errors.ForbiddenException;
import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.NotFoundException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import ai.spice.cloud.client.errors.UnauthorizedException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.App;
import ai.spice.cloud.client.model.AppList;
import ai.spice.cloud.client.model.Health;
import ai.spice.cloud.client.model.Member;
import ai.spice.cloud.client.model.MemberList;
import ai.spice.cloud.client.model.Region;
import ai.spice.cloud.client.model.RegionList;
import ai.spice.cloud.client.model.SecretList;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.ApiKeysRegenerated.RegeneratedKeyEnum;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;
import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer contract of spice-cloud-java with the Spice Cloud control plane, driven through the generated client.
 * Pact files: target/pacts/spice-cloud-java-spice-cloud-control-plane.json (Pact specification V4).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = SpiceCloudControlPlanePactTest.PROVIDER, pactVersion = PactSpecVersion.V4,
    hostInterface = "127.0.0.1")
class SpiceCloudControlPlanePactTest {
  static final String CONSUMER = "spice-cloud-java";
  static final String PROVIDER = "spice-cloud-control-plane";
  private static final String TOKEN = "test-token";
  private static final String KEYS = "/v1/apps/42/api-keys";
  private static final String UNKNOWN_APP_KEYS = "/v1/apps/999/api-keys";
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  /** Clients may add a charset parameter; the media type itself is the contract. */
  private static final String JSON_TYPE = "application/json(;\\s*charset=(?i:utf-8))?";

  private static final String APP_EXISTS = "app 42 exists";
  private static final String BOTH_KEYS = "app 42 exists and has a primary and a secondary API key";
  /** A key number past every one the generated enum (so the merged document) lists: no page makes it valid. */
  private static final int UNLISTED_KEY_NUMBER = Arrays.stream(KeyNumberEnum.values())
      .filter(v -> v != KeyNumberEnum.UNKNOWN_DEFAULT_OPEN_API).mapToInt(KeyNumberEnum::getValue).max().orElseThrow()
      + 1;

  // ---- helpers ---------------------------------------------------------------------------------------------

  private static SpiceCloudClient client(MockServer server, String token) {
    // No retries: each interaction is one exchange; retry behaviour is the client's own tested concern.
    return SpiceCloudClient.builder().baseUrl(server.getUrl()).bearerToken(token).maxRetries(0)
        .sleeper(d -> { }).build();
  }

  private static SpiceCloudClient client(MockServer server) {
    return client(server, TOKEN);
  }

  private static ApiKeysApi api(MockServer server, String token) {
    return client(server, token).apiKeys();
  }

  private static ApiKeysApi api(MockServer server) {
    return api(server, TOKEN);
  }

  /** A request carrying a bearer token; the token value may vary, the scheme may not. */
  private static PactDslRequestWithPath authorized(PactDslWithProvider builder, String state, String description,
      String method, String path) {
    return builder.given(state).uponReceiving(description).method(method).path(path)
        .matchHeader("Authorization", "Bearer \\S+", "Bearer " + TOKEN);
  }

  private static DslPart keys(boolean secondary) {
    return newJsonBody(o -> {
      o.stringType("api_key", "3f0e1c2d-example-primary");
      if (secondary) {
        o.stringType("api_key_2", "9a8b7c6d-example-secondary");
      } else {
        o.nullValue("api_key_2");
      }
    }).build();
  }

  private static DslPart regenerated(int key) {
    return newJsonBody(o -> {
      o.stringType("api_key", "5e4d3c2b-example-primary");
      o.stringType("api_key_2", "1a2b3c4d-example-secondary");
      o.numberValue("regenerated_key", key); // exact: the contract is which key was rotated
    }).build();
  }

  private static DslPart keyNumber(int key) {
    return newJsonBody(o -> o.numberValue("key_number", key)).build();
  }

  private static V4Pact regenerate(PactDslWithProvider builder, String description, DslPart requestBody, int key) {
    PactDslRequestWithPath request = authorized(builder, BOTH_KEYS, description, "POST", KEYS);
    if (requestBody != null) {
      request = request.matchHeader("Content-Type", JSON_TYPE, "application/json").body(requestBody);
    }
    return request.willRespondWith().status(200).headers(JSON).body(regenerated(key)).toPact(V4Pact.class);
  }

  private static V4Pact error(PactDslWithProvider builder, String state, String description, String method,
      String path, int status) {
    return authorized(builder, state, description, method, path).willRespondWith().status(status)
        .toPact(V4Pact.class);
  }

  private static HttpResponse<String> raw(MockServer server, HttpRequest.Builder request) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static <T extends SpiceCloudServiceException> T expect(Class<T> type, int status, Runnable call) {
    T e = catchThrowableOfType(type, call::run);
    assertThat(e).as("expected " + type.getSimpleName()).isNotNull();
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.getMessage()).doesNotContain(TOKEN);
    return e;
  }

  // ---- GET 200 -----------------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact getBothKeys(PactDslWithProvider builder) {
    return authorized(builder, BOTH_KEYS, "a request for the API keys of app 42", "GET", KEYS)
        .willRespondWith().status(200).headers(JSON).body(keys(true)).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getBothKeys")
  void readsBothKeys(MockServer server) {
    ApiKeys keys = api(server).getApiKeys(42L);
    assertThat(keys.getApiKey()).isEqualTo("3f0e1c2d-example-primary");
    assertThat(keys.getApiKey2()).isEqualTo("9a8b7c6d-example-secondary");
  }

  @Pact(consumer = CONSUMER)
  V4Pact getPrimaryOnly(PactDslWithProvider builder) {
    return authorized(builder, "app 42 exists and has a primary API key but no secondary key",
        "a request for the API keys of an app without a secondary key", "GET", KEYS)
        .willRespondWith().status(200).headers(JSON).body(keys(false)).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getPrimaryOnly")
  void readsANullSecondaryKeyAsNull(MockServer server) {
    ApiKeys keys = api(server).getApiKeys(42L);
    assertThat(keys.getApiKey()).isEqualTo("3f0e1c2d-example-primary");
    assertThat(keys.getApiKey2()).isNull();
  }

  // ---- POST 200 ----------------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact regenerateBoth(PactDslWithProvider builder) {
    return regenerate(builder, "a request to regenerate both API keys of app 42", keyNumber(0), 0);
  }

  @Test
  @PactTestFor(pactMethod = "regenerateBoth")
  void regeneratesBothKeys(MockServer server) {
    ApiKeysRegenerated r = api(server).regenerateApiKey(42L, new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.BOTH));
    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.BOTH);
    assertThat(r.getApiKey()).isEqualTo("5e4d3c2b-example-primary");
  }

  @Pact(consumer = CONSUMER)
  V4Pact regeneratePrimary(PactDslWithProvider builder) {
    return regenerate(builder, "a request to regenerate the primary API key of app 42", keyNumber(1), 1);
  }

  @Test
  @PactTestFor(pactMethod = "regeneratePrimary")
  void regeneratesThePrimaryKey(MockServer server) {
    ApiKeysRegenerated r = api(server).regenerateApiKey(42L,
        new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.PRIMARY));
    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.PRIMARY);
  }

  @Pact(consumer = CONSUMER)
  V4Pact regenerateSecondary(PactDslWithProvider builder) {
    return regenerate(builder, "a request to regenerate the secondary API key of app 42", keyNumber(2), 2);
  }

  @Test
  @PactTestFor(pactMethod = "regenerateSecondary")
  void regeneratesTheSecondaryKey(MockServer server) {
    ApiKeysRegenerated r = api(server).regenerateApiKey(42L,
        new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.SECONDARY));
    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.SECONDARY);
    assertThat(r.getApiKey2()).isEqualTo("1a2b3c4d-example-secondary");
  }

  @Pact(consumer = CONSUMER)
  V4Pact regenerateChoosingNoKey(PactDslWithProvider builder) {
    return regenerate(builder, "a request that chooses no key, so the documented default (primary) is regenerated",
        newJsonBody(o -> { }).build(), 1);
  }

  @Test
  @PactTestFor(pactMethod = "regenerateChoosingNoKey")
  void aFreshRequestObjectLeavesTheKeyToTheDocumentedDefault(MockServer server) {
    ApiKeysRegenerated r = api(server).regenerateApiKey(42L, new RegenerateApiKeyRequest());
    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.PRIMARY);
  }

  @Pact(consumer = CONSUMER)
  V4Pact regenerateWithoutBody(PactDslWithProvider builder) {
    return regenerate(builder, "a request without a body, so the server default (primary) is regenerated", null, 1);
  }

  @Test
  @PactTestFor(pactMethod = "regenerateWithoutBody")
  void withoutABodyTheServerDefaultPrimaryIsRegenerated(MockServer server) {
    ApiKeysRegenerated r = api(server).regenerateApiKey(42L, null);
    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.PRIMARY);
  }

  // ---- 400 ---------------------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact getInvalidAppId(PactDslWithProvider builder) {
    return error(builder, "no app has a negative id", "a request for the API keys of an invalid app id", "GET",
        "/v1/apps/-1/api-keys", 400);
  }

  @Test
  @PactTestFor(pactMethod = "getInvalidAppId")
  void anInvalidAppIdIsABadRequest(MockServer server) {
    expect(BadRequestException.class, 400, () -> api(server).getApiKeys(-1L));
  }

  @Pact(consumer = CONSUMER)
  V4Pact regenerateInvalidAppId(PactDslWithProvider builder) {
    return authorized(builder, "no app has a negative id", "a request to regenerate a key of an invalid app id",
        "POST", "/v1/apps/-1/api-keys").matchHeader("Content-Type", JSON_TYPE, "application/json").body(keyNumber(1)).willRespondWith().status(400).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "regenerateInvalidAppId")
  void regeneratingForAnInvalidAppIdIsABadRequest(MockServer server) {
    expect(BadRequestException.class, 400,
        () -> api(server).regenerateApiKey(-1L, new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.PRIMARY)));
  }

  @Pact(consumer = CONSUMER)
  V4Pact regenerateInvalidKeyNumber(PactDslWithProvider builder) {
    return authorized(builder, APP_EXISTS,
        "a request to regenerate key number " + UNLISTED_KEY_NUMBER + ", which the document does not list", "POST", KEYS)
        .matchHeader("Content-Type", JSON_TYPE, "application/json").body(keyNumber(UNLISTED_KEY_NUMBER)).willRespondWith().status(400).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "regenerateInvalidKeyNumber")
  void anUnknownKeyNumberIsABadRequest(MockServer server) throws Exception {
    // The typed client cannot express an unlisted key_number, so this request is sent raw.
    HttpResponse<String> response = raw(server, HttpRequest.newBuilder(URI.create(server.getUrl() + KEYS))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"key_number\":" + UNLISTED_KEY_NUMBER + "}")));
    assertThat(response.statusCode()).isEqualTo(400);
  }

  // ---- 401 ---------------------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact getWithInvalidToken(PactDslWithProvider builder) {
    return error(builder, "the bearer token is expired or invalid", "a request for API keys with an invalid token",
        "GET", KEYS, 401);
  }

  @Test
  @PactTestFor(pactMethod = "getWithInvalidToken")
  void anInvalidTokenIsUnauthorized(MockServer server) {
    expect(UnauthorizedException.class, 401, () -> api(server, "expired-token").getApiKeys(42L));
  }

  @Pact(consumer = CONSUMER)
  V4Pact regenerateWithInvalidToken(PactDslWithProvider builder) {
    return authorized(builder, "the bearer token is expired or invalid",
        "a request to regenerate a key with an invalid token", "POST", KEYS).matchHeader("Content-Type", JSON_TYPE, "application/json").body(keyNumber(2))
        .willRespondWith().status(401).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "regenerateWithInvalidToken")
  void regeneratingWithAnInvalidTokenIsUnauthorized(MockServer server) {
    expect(UnauthorizedException.class, 401, () -> api(server, "expired-token")
        .regenerateApiKey(42L, new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.SECONDARY)));
  }

  @Pact(consumer = CONSUMER)
  V4Pact getWithoutToken(PactDslWithProvider builder) {
    return builder.given(APP_EXISTS).uponReceiving("a request for API keys without any Authorization header")
        .method("GET").path(KEYS).willRespondWith().status(401).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getWithoutToken")
  void aMissingTokenIsUnauthorized(MockServer server) throws Exception {
    // The client always sends its token, so the missing-header case is sent raw.
    HttpResponse<String> response = raw(server, HttpRequest.newBuilder(URI.create(server.getUrl() + KEYS)).GET());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  // ---- 403 ---------------------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact getWithoutReadScope(PactDslWithProvider builder) {
    return error(builder, "app 42 exists and the token lacks the apps:read scope",
        "a request for API keys with a token without apps:read", "GET", KEYS, 403);
  }

  @Test
  @PactTestFor(pactMethod = "getWithoutReadScope")
  void aTokenWithoutReadScopeIsForbidden(MockServer server) {
    expect(ForbiddenException.class, 403, () -> api(server).getApiKeys(42L));
  }

  @Pact(consumer = CONSUMER)
  V4Pact regenerateWithoutWriteScope(PactDslWithProvider builder) {
    return authorized(builder, "app 42 exists and the token lacks the apps:write scope",
        "a request to regenerate a key with a token without apps:write", "POST", KEYS).matchHeader("Content-Type", JSON_TYPE, "application/json").body(keyNumber(1))
        .willRespondWith().status(403).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "regenerateWithoutWriteScope")
  void aTokenWithoutWriteScopeIsForbidden(MockServer server) {
    expect(ForbiddenException.class, 403,
        () -> api(server).regenerateApiKey(42L, new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.PRIMARY)));
  }

  // ---- 404 ---------------------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact getUnknownApp(PactDslWithProvider builder) {
    return error(builder, "no app 999 exists", "a request for the API keys of an unknown app", "GET",
        UNKNOWN_APP_KEYS, 404);
  }

  @Test
  @PactTestFor(pactMethod = "getUnknownApp")
  void anUnknownAppIsNotFound(MockServer server) {
    expect(NotFoundException.class, 404, () -> api(server).getApiKeys(999L));
  }

  @Pact(consumer = CONSUMER)
  V4Pact regenerateUnknownApp(PactDslWithProvider builder) {
    return authorized(builder, "no app 999 exists", "a request to regenerate a key of an unknown app", "POST",
        UNKNOWN_APP_KEYS).matchHeader("Content-Type", JSON_TYPE, "application/json").body(keyNumber(2)).willRespondWith().status(404).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "regenerateUnknownApp")
  void regeneratingForAnUnknownAppIsNotFound(MockServer server) {
    expect(NotFoundException.class, 404, () -> api(server)
        .regenerateApiKey(999L, new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.SECONDARY)));
  }

  // ---- 500 ---------------------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact getServerError(PactDslWithProvider builder) {
    return error(builder, "app 42 exists and the control plane fails internally",
        "a request for API keys while the control plane fails", "GET", KEYS, 500);
  }

  @Test
  @PactTestFor(pactMethod = "getServerError")
  void anInternalFailureIsAnInternalServerException(MockServer server) {
    expect(InternalServerException.class, 500, () -> api(server).getApiKeys(42L));
  }

  @Pact(consumer = CONSUMER)
  V4Pact regenerateServerError(PactDslWithProvider builder) {
    return authorized(builder, "app 42 exists and the control plane fails internally",
        "a request to regenerate a key while the control plane fails", "POST", KEYS).matchHeader("Content-Type", JSON_TYPE, "application/json").body(keyNumber(0))
        .willRespondWith().status(500).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "regenerateServerError")
  void anInternalFailureOnRegenerateIsAnInternalServerException(MockServer server) {
    expect(InternalServerException.class, 500, () -> api(server)
        .regenerateApiKey(42L, new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.BOTH)));
  }

  // ---- GET /v1/apps ------------------------------------------------------------------------------------------

  private static final String APPS = "/v1/apps";
  private static final String SECRETS = "/v1/apps/42/secrets";
  private static final String TIMESTAMP = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
  private static final String NO_SCOPES = "the token has no scopes";

  @Pact(consumer = CONSUMER)
  V4Pact listApps(PactDslWithProvider builder) {
    return authorized(builder, "the organization has app 42 named demo with a description",
        "a request for the apps of the organization", "GET", APPS)
        .willRespondWith().status(200).headers(JSON).body(newJsonBody(o -> o.minArrayLike("apps", 1, app -> {
          app.integerType("id", 42);
          app.stringType("name", "demo");
          app.stringType("description", "A demo app");
          app.stringMatcher("visibility", "public|private", "private");
          app.datetime("created_at", TIMESTAMP, java.time.Instant.parse("2026-11-01T09:30:00Z"));
          app.stringType("cname", "us-east-2");
        })).build()).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listApps")
  void listsTheAppsOfTheOrganization(MockServer server) {
    AppList apps = client(server).apps().listApps();
    assertThat(apps.getApps()).isNotEmpty();
    App app = apps.getApps().get(0);
    assertThat(app.getId()).isEqualTo(42L);
    assertThat(app.getVisibility()).isEqualTo(App.VisibilityEnum.PRIVATE);
    assertThat(app.getCreatedAt()).isEqualTo(java.time.OffsetDateTime.parse("2026-11-01T09:30:00Z"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listAppsWithInvalidToken(PactDslWithProvider builder) {
    return error(builder, "the bearer token is expired or invalid", "a request for the apps with an invalid token",
        "GET", APPS, 401);
  }

  @Test
  @PactTestFor(pactMethod = "listAppsWithInvalidToken")
  void listingAppsWithAnInvalidTokenIsUnauthorized(MockServer server) {
    expect(UnauthorizedException.class, 401, () -> client(server, "expired-token").apps().listApps());
  }

  @Pact(consumer = CONSUMER)
  V4Pact listAppsWithoutReadScope(PactDslWithProvider builder) {
    return error(builder, "app 42 exists and the token lacks the apps:read scope",
        "a request for the apps with a token without apps:read", "GET", APPS, 403);
  }

  @Test
  @PactTestFor(pactMethod = "listAppsWithoutReadScope")
  void listingAppsWithoutReadScopeIsForbidden(MockServer server) {
    expect(ForbiddenException.class, 403, () -> client(server).apps().listApps());
  }

  // ---- GET /v1/apps/{appId}/secrets ----------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact listSecrets(PactDslWithProvider builder) {
    return authorized(builder, "app 42 exists and has a secret named DB_PASSWORD", "a request for the secrets of app 42",
        "GET", SECRETS)
        .willRespondWith().status(200).headers(JSON).body(newJsonBody(o -> o.minArrayLike("secrets", 1, secret -> {
          secret.integerType("id", 7);
          secret.stringType("name", "DB_PASSWORD");
          secret.stringMatcher("value", "\\*+", "********"); // the API masks every value
          secret.datetime("created_at", TIMESTAMP, java.time.Instant.parse("2026-11-02T10:00:00Z"));
          secret.datetime("updated_at", TIMESTAMP, java.time.Instant.parse("2026-11-03T11:00:00Z"));
        })).build()).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listSecrets")
  void listsTheSecretsOfAnAppWithMaskedValues(MockServer server) {
    SecretList secrets = client(server).secrets().listSecrets(42L);
    assertThat(secrets.getSecrets()).isNotEmpty();
    assertThat(secrets.getSecrets().get(0).getName()).isEqualTo("DB_PASSWORD");
    assertThat(secrets.getSecrets().get(0).getValue()).matches("\\*+");
  }

  @Pact(consumer = CONSUMER)
  V4Pact listSecretsOfInvalidAppId(PactDslWithProvider builder) {
    return error(builder, "no app has a negative id", "a request for the secrets of an invalid app id", "GET",
        "/v1/apps/-1/secrets", 400);
  }

  @Test
  @PactTestFor(pactMethod = "listSecretsOfInvalidAppId")
  void listingSecretsOfAnInvalidAppIdIsABadRequest(MockServer server) {
    expect(BadRequestException.class, 400, () -> client(server).secrets().listSecrets(-1L));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listSecretsWithInvalidToken(PactDslWithProvider builder) {
    return error(builder, "the bearer token is expired or invalid", "a request for secrets with an invalid token",
        "GET", SECRETS, 401);
  }

  @Test
  @PactTestFor(pactMethod = "listSecretsWithInvalidToken")
  void listingSecretsWithAnInvalidTokenIsUnauthorized(MockServer server) {
    expect(UnauthorizedException.class, 401, () -> client(server, "expired-token").secrets().listSecrets(42L));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listSecretsWithoutReadScope(PactDslWithProvider builder) {
    return error(builder, "app 42 exists and the token lacks the secrets:read scope",
        "a request for secrets with a token without secrets:read", "GET", SECRETS, 403);
  }

  @Test
  @PactTestFor(pactMethod = "listSecretsWithoutReadScope")
  void listingSecretsWithoutReadScopeIsForbidden(MockServer server) {
    expect(ForbiddenException.class, 403, () -> client(server).secrets().listSecrets(42L));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listSecretsOfUnknownApp(PactDslWithProvider builder) {
    return error(builder, "no app 999 exists", "a request for the secrets of an unknown app", "GET",
        "/v1/apps/999/secrets", 404);
  }

  @Test
  @PactTestFor(pactMethod = "listSecretsOfUnknownApp")
  void listingSecretsOfAnUnknownAppIsNotFound(MockServer server) {
    expect(NotFoundException.class, 404, () -> client(server).secrets().listSecrets(999L));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listSecretsServerError(PactDslWithProvider builder) {
    return error(builder, "app 42 exists and the control plane fails internally",
        "a request for secrets while the control plane fails", "GET", SECRETS, 500);
  }

  @Test
  @PactTestFor(pactMethod = "listSecretsServerError")
  void anInternalFailureListingSecretsIsAnInternalServerException(MockServer server) {
    expect(InternalServerException.class, 500, () -> client(server).secrets().listSecrets(42L));
  }

  // ---- GET /v1/members -----------------------------------------------------------------------------------------

  private static final String MEMBERS = "/v1/members";

  @Pact(consumer = CONSUMER)
  V4Pact listMembers(PactDslWithProvider builder) {
    return authorized(builder, "the organization has an owner", "a request for the members of the organization",
        "GET", MEMBERS)
        .willRespondWith().status(200).headers(JSON).body(newJsonBody(o -> o.minArrayLike("members", 1, m -> {
          m.integerType("user_id", 1001);
          m.stringType("username", "ada");
          m.minArrayLike("roles", 0, au.com.dius.pact.consumer.dsl.PactDslJsonRootValue.stringType("admin"), 1);
          m.booleanType("is_owner", true);
          m.datetime("created_at", TIMESTAMP, java.time.Instant.parse("2026-10-01T08:00:00Z"));
        })).build()).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listMembers")
  void listsTheMembersOfTheOrganization(MockServer server) {
    MemberList members = client(server).members().listMembers();
    assertThat(members.getMembers()).isNotEmpty();
    Member member = members.getMembers().get(0);
    assertThat(member.getUserId()).isEqualTo(1001L);
    assertThat(member.getIsOwner()).isTrue();
  }

  @Pact(consumer = CONSUMER)
  V4Pact listMembersWithInvalidToken(PactDslWithProvider builder) {
    return error(builder, "the bearer token is expired or invalid", "a request for members with an invalid token",
        "GET", MEMBERS, 401);
  }

  @Test
  @PactTestFor(pactMethod = "listMembersWithInvalidToken")
  void listingMembersWithAnInvalidTokenIsUnauthorized(MockServer server) {
    expect(UnauthorizedException.class, 401, () -> client(server, "expired-token").members().listMembers());
  }

  @Pact(consumer = CONSUMER)
  V4Pact listMembersWithoutReadScope(PactDslWithProvider builder) {
    return error(builder, "the token lacks the members:read scope",
        "a request for members with a token without members:read", "GET", MEMBERS, 403);
  }

  @Test
  @PactTestFor(pactMethod = "listMembersWithoutReadScope")
  void listingMembersWithoutReadScopeIsForbidden(MockServer server) {
    expect(ForbiddenException.class, 403, () -> client(server).members().listMembers());
  }

  // ---- GET /v1/regions -----------------------------------------------------------------------------------------

  private static final String REGIONS = "/v1/regions";

  @Pact(consumer = CONSUMER)
  V4Pact listRegions(PactDslWithProvider builder) {
    return authorized(builder, "the control plane offers region us-east-2 by default", "a request for the regions",
        "GET", REGIONS)
        .willRespondWith().status(200).headers(JSON).body(newJsonBody(o -> {
          o.minArrayLike("regions", 1, r -> {
            r.stringType("name", "US East (Ohio)");
            r.stringType("region", "us-east-2");
            r.stringMatcher("provider", "teraswitch|aws|azure", "aws");
            r.stringMatcher("providerName", "Teraswitch|AWS|Azure", "AWS");
            r.booleanType("isDefault", true);
            r.booleanType("disabled", false);
          });
          o.stringValue("default", "us-east-2");
        }).build()).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listRegions")
  void listsTheRegionsAndTheDefault(MockServer server) {
    RegionList regions = client(server).regions().listRegions();
    assertThat(regions.getRegions()).isNotEmpty();
    assertThat(regions.getRegions().get(0).getProvider()).isEqualTo(Region.ProviderEnum.AWS);
    assertThat(regions.getDefault()).isEqualTo("us-east-2");
  }

  @Pact(consumer = CONSUMER)
  V4Pact listRegionsWithInvalidToken(PactDslWithProvider builder) {
    return error(builder, "the bearer token is expired or invalid", "a request for regions with an invalid token",
        "GET", REGIONS, 401);
  }

  @Test
  @PactTestFor(pactMethod = "listRegionsWithInvalidToken")
  void listingRegionsWithAnInvalidTokenIsUnauthorized(MockServer server) {
    expect(UnauthorizedException.class, 401, () -> client(server, "expired-token").regions().listRegions());
  }

  @Pact(consumer = CONSUMER)
  V4Pact listRegionsWithoutScopes(PactDslWithProvider builder) {
    return error(builder, NO_SCOPES, "a request for regions with a token that has no scopes", "GET", REGIONS, 403);
  }

  @Test
  @PactTestFor(pactMethod = "listRegionsWithoutScopes")
  void listingRegionsWithoutScopesIsForbidden(MockServer server) {
    expect(ForbiddenException.class, 403, () -> client(server).regions().listRegions());
  }

  // ---- GET /v1/health (public) -----------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact getHealth(PactDslWithProvider builder) {
    // Public: the request carries no credentials at all.
    return builder.given("the control plane is healthy").uponReceiving("a health check without credentials")
        .method("GET").path("/v1/health")
        .willRespondWith().status(200).headers(JSON).body(newJsonBody(o -> {
          o.stringType("status", "ok");
          o.datetime("timestamp", TIMESTAMP, java.time.Instant.parse("2026-12-01T00:00:00Z"));
        }).build()).toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getHealth")
  void readsTheHealthStatus(MockServer server) {
    Health health = client(server).health().getHealth();
    assertThat(health.getStatus()).isEqualTo("ok");
    assertThat(health.getTimestamp()).isNotNull();
  }
}
