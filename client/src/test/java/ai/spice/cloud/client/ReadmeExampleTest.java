package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static ai.spice.cloud.client.testing.Responses.keys;
import static ai.spice.cloud.client.testing.Responses.regenerated;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.client.errors.ForbiddenException;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.AppList;
import ai.spice.cloud.client.model.Health;
import ai.spice.cloud.client.model.MemberList;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;
import ai.spice.cloud.client.model.RegionList;
import ai.spice.cloud.client.model.SecretList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * Runs the usage example the README had (now spread over docs/client.md) against a loopback server, asserting
 * each request; DocsTest (testing/) compiles and runs the Markdown itself. Only where the client comes from is
 * adapted: the environment is a map naming this server, and the explicit builder gets its base URL.
 */
class ReadmeExampleTest extends ServerTest {

  /** Stands in for the README's {@code tokens}, an OAuth token cache. */
  static final class Tokens {
    final AtomicInteger asked = new AtomicInteger();

    String currentAccessToken() {
      asked.incrementAndGet();
      return TOKEN;
    }
  }

  /** Stands in for the README's SLF4J {@code log}: keeps the warnings so the test can read them. */
  static final class Log {
    final List<Object[]> warnings = new ArrayList<>();

    void warn(String format, Object... args) {
      warnings.add(args);
    }
  }

  private final Tokens tokens = new Tokens();
  private final Log log = new Log();

  private SpiceCloudClient fromEnv() {
    return SpiceCloudClient.fromEnv(Map.of(SpiceCloudClient.ENV_TOKEN, TOKEN,
        SpiceCloudClient.ENV_BASE_URL, baseUrl())::get, name -> null);
  }

  @Test
  void theUsageExampleDoesWhatTheReadmeSays() throws Exception {
    List<String> seenByYourInterceptor = new ArrayList<>();
    okhttp3.OkHttpClient yourOkHttpClient = new okhttp3.OkHttpClient.Builder().addInterceptor(chain -> {
      seenByYourInterceptor.add(chain.request().url().encodedPath());
      return chain.proceed(chain.request());
    }).build();
    server.enqueue(keys(KEY_1, null));
    server.enqueue(regenerated("fresh-1", null, 1));
    server.enqueue(regenerated(KEY_1, "rotated-2", 2));
    server.enqueue(json(200, "{\"apps\":[{\"id\":1,\"name\":\"a\"}]}"));
    server.enqueue(json(200, "{\"secrets\":[{\"name\":\"DB\",\"value\":\"s3cr3t-value\"}]}"));
    server.enqueue(json(200, "{\"members\":[{\"username\":\"ada\"}]}"));
    server.enqueue(json(200, "{\"regions\":[{\"region\":\"us-east-2\"}],\"default\":\"us-east-2\"}"));
    server.enqueue(json(200, "{\"status\":\"ok\"}"));
    server.enqueue(json(200, "{\"apps\":[]}"));
    server.enqueue(json(200, "{\"status\":\"ok\"}"));
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req-raw").body("{\"api_key\":\"" + KEY_1 + "\",\"api_key_2\":null}").build());
    server.enqueue(json(403, "{\"error\":\"insufficient scope\",\"code\":\"insufficient_scope\"}").newBuilder()
        .addHeader("x-request-id", "req-403").build());

    // --- README, from here on as written ---
    // A token or client credentials from the environment (see Credentials), SPICE_CLOUD_BASE_URL optional.
    SpiceCloudClient client = fromEnv(); // README: SpiceCloudClient.fromEnv()
    // Or explicitly; a token supplier is asked on every attempt (Credentials shows the other ways in):
    SpiceCloudClient explicit = SpiceCloudClient.builder()
        .baseUrl(baseUrl()) // test only: the README uses the default server
        .tokenSupplier(tokens::currentAccessToken)       // or .bearerToken("..."), .clientCredentials(id, secret)
        .connectTimeout(Duration.ofSeconds(5))            // default 10 s
        .readTimeout(Duration.ofSeconds(20))              // default 30 s: longest silence between bytes
        .callTimeout(Duration.ofSeconds(45))              // default 60 s: one whole attempt, end to end
        .timeout(Duration.ofSeconds(90))                  // default 2 min: the whole call, retries included
        .maxRetries(3)                                    // reads only; default 3
        .httpClient(yourOkHttpClient)                     // optional: your proxy, TLS, interceptors, listener
        .build();

    long appId = 42L;

    // GET: both keys; either may be null.
    ApiKeys keys = client.apiKeys().getApiKeys(appId);
    String primary = keys.getApiKey();
    String secondary = keys.getApiKey2();

    // POST with no body: the server default applies (regenerates the primary key).
    ApiKeysRegenerated fresh = client.apiKeys().regenerateApiKey(appId, null);

    // POST choosing the key: BOTH (0), PRIMARY (1), SECONDARY (2). A field left unset is not sent, so
    // `new RegenerateApiKeyRequest()` sends {} and the server's default (1, primary) applies.
    ApiKeysRegenerated rotated = client.apiKeys().regenerateApiKey(appId,
        new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.SECONDARY));
    rotated.getRegeneratedKey();   // ApiKeysRegenerated.RegeneratedKeyEnum.SECONDARY
    // A value the enum does not list (a newer API's) reads UNKNOWN_DEFAULT_OPEN_API; what the server sent stays:
    Object sent = rotated._unknown("regenerated_key");   // null here: SECONDARY is listed

    // Every other published operation:
    AppList apps = client.apps().listApps();
    SecretList secrets = client.secrets().listSecrets(appId);   // values masked in toString() and logs
    MemberList members = client.members().listMembers();
    RegionList regions = client.regions().listRegions();
    Health health = client.health().getHealth();                // public in the spec: sent without a token

    // Options for some calls, without building another client (the view shares the connection pool):
    SpiceCloudClient acme = client.withOptions(RequestOptions.header("X-Org-Name", "acme"));
    AppList acmeApps = acme.apps().listApps();
    Health quick = client.withOptions(RequestOptions.timeout(Duration.ofSeconds(2))).health().getHealth();

    // Status code and headers too:
    var raw = client.apiKeys().getApiKeysWithHttpInfo(appId);
    raw.getStatusCode(); raw.getHeaders(); raw.getData();

    try {
      client.apiKeys().regenerateApiKey(appId, null);
    } catch (ForbiddenException e) {          // 403: the token lacks apps:write
      log.warn("cannot regenerate: {} ({}, request id {})", e.getMessage(), e.errorCode().orElse("no code"),
          e.requestId().orElse("none"));
    } catch (SpiceCloudIoException e) {       // the request may or may not have reached the server
      ApiKeys now = client.apiKeys().getApiKeys(appId);   // look before regenerating again
    }
    // --- end of the README example ---

    assertThat(primary).isEqualTo(KEY_1);
    assertThat(secondary).isNull();
    RecordedRequest get = take();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getTarget()).isEqualTo("/v1/apps/42/api-keys");
    assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);

    assertThat(fresh.getApiKey()).isEqualTo("fresh-1");
    assertThat(fresh.getRegeneratedKey()).isEqualTo(ApiKeysRegenerated.RegeneratedKeyEnum.PRIMARY);
    RecordedRequest noBody = take();
    assertThat(noBody.getMethod()).isEqualTo("POST");
    assertThat(noBody.getBodySize()).isZero();
    assertThat(noBody.getHeaders().get("Content-Type")).isNull();

    assertThat(rotated.getRegeneratedKey()).isEqualTo(ApiKeysRegenerated.RegeneratedKeyEnum.SECONDARY);
    assertThat(rotated.getApiKey2()).isEqualTo("rotated-2");
    assertThat(sent).isNull();
    assertThat(take().getBody().utf8()).isEqualTo("{\"key_number\":2}");

    assertThat(apps.getApps().get(0).getName()).isEqualTo("a");
    assertThat(take().getTarget()).isEqualTo("/v1/apps");
    assertThat(secrets.getSecrets().get(0).getValue()).isEqualTo("s3cr3t-value");
    assertThat(secrets.toString()).doesNotContain("s3cr3t-value");
    assertThat(take().getTarget()).isEqualTo("/v1/apps/42/secrets");
    assertThat(members.getMembers().get(0).getUsername()).isEqualTo("ada");
    assertThat(take().getTarget()).isEqualTo("/v1/members");
    assertThat(regions.getDefault()).isEqualTo("us-east-2");
    assertThat(take().getTarget()).isEqualTo("/v1/regions");
    assertThat(health.getStatus()).isEqualTo("ok");
    assertThat(take().getHeaders().get("Authorization")).isNull();

    assertThat(acmeApps.getApps()).isEmpty();
    RecordedRequest acmeRequest = take();
    assertThat(acmeRequest.getHeaders().get("X-Org-Name")).isEqualTo("acme");
    assertThat(acmeRequest.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(quick.getStatus()).isEqualTo("ok");
    assertThat(take().getHeaders().get("X-Org-Name")).isNull();

    assertThat(raw.getStatusCode()).isEqualTo(200);
    assertThat(raw.getHeaders().get("x-request-id")).containsExactly("req-raw");
    assertThat(raw.getData().getApiKey()).isEqualTo(KEY_1);
    assertThat(take().getMethod()).isEqualTo("GET");

    assertThat(log.warnings).hasSize(1);
    Object[] warning = log.warnings.get(0);
    assertThat((String) warning[0]).contains("403").doesNotContain(TOKEN);
    assertThat(warning[1]).isEqualTo("insufficient_scope");
    assertThat(warning[2]).isEqualTo("req-403");
    assertThat(take().getMethod()).isEqualTo("POST");
    assertThat(server.getRequestCount()).isEqualTo(12);

    // The explicit client works too: it asks its supplier for the token on each request, and sends through
    // the caller's OkHttp client (its interceptor saw both calls) with the timeouts of the builder.
    server.enqueue(keys(KEY_1, KEY_2));
    server.enqueue(keys(KEY_1, KEY_2));
    explicit.apiKeys().getApiKeys(appId);
    explicit.apiKeys().getApiKeys(appId);
    assertThat(tokens.asked).hasValue(2);
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(seenByYourInterceptor).containsExactly("/v1/apps/42/api-keys", "/v1/apps/42/api-keys");
    assertThat(explicit.httpClient().connectTimeoutMillis()).isEqualTo(5_000);
    assertThat(explicit.httpClient().readTimeoutMillis()).isEqualTo(20_000);
    assertThat(explicit.httpClient().callTimeoutMillis()).isEqualTo(45_000);
  }

  @Test
  void theExamplesIoBranchLooksAtTheKeysInsteadOfRegeneratingAgain() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(keys(KEY_1, KEY_2));
    SpiceCloudClient client = fromEnv();
    long appId = 42L;
    ApiKeys seen = null;

    // The README's error handling block, as written.
    try {
      client.apiKeys().regenerateApiKey(appId, null);
    } catch (ForbiddenException e) {          // 403: the token lacks apps:write
      log.warn("cannot regenerate: {} (request id {})", e.getMessage(), e.requestId().orElse("none"));
    } catch (SpiceCloudIoException e) {       // the request may or may not have reached the server
      ApiKeys now = client.apiKeys().getApiKeys(appId);   // look before regenerating again
      seen = now;
    }

    assertThat(seen).isNotNull();
    assertThat(seen.getApiKey()).isEqualTo(KEY_1);
    assertThat(take().getMethod()).isEqualTo("POST");
    assertThat(take().getMethod()).isEqualTo("GET");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(log.warnings).isEmpty();
  }

  @Test
  void aFreshRequestSendsAnEmptyObjectAndTheServerDefaultRegeneratesThePrimary() throws Exception {
    server.enqueue(regenerated(KEY_1, KEY_2, 1));

    RegenerateApiKeyRequest request = new RegenerateApiKeyRequest();
    ApiKeysRegenerated result = fromEnv().apiKeys().regenerateApiKey(42L, request);

    assertThat(request.getKeyNumber()).isNull();
    assertThat(take().getBody().utf8()).isEqualTo("{}");
    assertThat(result.getRegeneratedKey()).isEqualTo(ApiKeysRegenerated.RegeneratedKeyEnum.PRIMARY);
  }

  @Test
  void anUnknownRegeneratedKeyReadsAsTheUnknownConstantAndKeepsWhatTheServerSent() {
    server.enqueue(regenerated(KEY_1, KEY_2, 3));

    ApiKeysRegenerated result = fromEnv().apiKeys().regenerateApiKey(42L, null);

    assertThat(result.getRegeneratedKey()).isEqualTo(ApiKeysRegenerated.RegeneratedKeyEnum.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(result._unknown("regenerated_key")).isEqualTo(3);
    assertThat(result.getApiKey()).isEqualTo(KEY_1);
    assertThat(result.getApiKey2()).isEqualTo(KEY_2);
  }
}
