package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static ai.spice.cloud.client.testing.Responses.keys;
import static ai.spice.cloud.client.testing.Responses.regenerated;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.client.errors.ForbiddenException;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;
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
 * Runs the README's usage example as written, against a loopback server, so the README cannot drift from
 * the client. Only where the client comes from is adapted: the environment is a map naming this server, and
 * the explicit builder gets its base URL.
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
        SpiceCloudClient.ENV_BASE_URL, baseUrl())::get);
  }

  @Test
  void theUsageExampleDoesWhatTheReadmeSays() throws Exception {
    server.enqueue(keys(KEY_1, null));
    server.enqueue(regenerated("fresh-1", null, 1));
    server.enqueue(regenerated(KEY_1, "rotated-2", 2));
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req-raw").body("{\"api_key\":\"" + KEY_1 + "\",\"api_key_2\":null}").build());
    server.enqueue(json(403, "{\"error\":\"insufficient scope\"}").newBuilder()
        .addHeader("x-request-id", "req-403").build());

    // --- README, from here on as written ---
    // SPICE_CLOUD_TOKEN (required) and SPICE_CLOUD_BASE_URL (optional, default https://api.spice.ai).
    SpiceCloudClient client = fromEnv(); // README: SpiceCloudClient.fromEnv()
    // Or explicitly; a token supplier is asked on every request, so a refreshing OAuth token just works:
    SpiceCloudClient explicit = SpiceCloudClient.builder()
        .baseUrl(baseUrl()) // test only: the README uses the default server
        .tokenSupplier(tokens::currentAccessToken)       // or .bearerToken("...")
        .connectTimeout(Duration.ofSeconds(5))            // default 10 s
        .readTimeout(Duration.ofSeconds(20))              // default 30 s
        .maxRetries(3)                                    // GET only; default 3
        .build();

    long appId = 42L;

    // GET: both keys; either may be null.
    ApiKeys keys = client.apiKeys().getApiKeys(appId);
    String primary = keys.getApiKey();
    String secondary = keys.getApiKey2();

    // POST with no body: the server default applies (regenerates the primary key).
    ApiKeysRegenerated fresh = client.apiKeys().regenerateApiKey(appId, null);

    // POST choosing the key: BOTH (0), PRIMARY (1, also what `new RegenerateApiKeyRequest()` carries), SECONDARY (2).
    ApiKeysRegenerated rotated = client.apiKeys().regenerateApiKey(appId,
        new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.SECONDARY));
    rotated.getRegeneratedKey();   // ApiKeysRegenerated.RegeneratedKeyEnum.SECONDARY

    // Status code and headers too:
    var raw = client.apiKeys().getApiKeysWithHttpInfo(appId);
    raw.getStatusCode(); raw.getHeaders(); raw.getData();

    try {
      client.apiKeys().regenerateApiKey(appId, null);
    } catch (ForbiddenException e) {          // 403: the token lacks apps:write
      log.warn("cannot regenerate: {} (request id {})", e.getMessage(), e.requestId().orElse("none"));
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
    assertThat(take().getBody().utf8()).isEqualTo("{\"key_number\":2}");

    assertThat(raw.getStatusCode()).isEqualTo(200);
    assertThat(raw.getHeaders().get("x-request-id")).containsExactly("req-raw");
    assertThat(raw.getData().getApiKey()).isEqualTo(KEY_1);
    assertThat(take().getMethod()).isEqualTo("GET");

    assertThat(log.warnings).hasSize(1);
    Object[] warning = log.warnings.get(0);
    assertThat((String) warning[0]).contains("403").doesNotContain(TOKEN);
    assertThat(warning[1]).isEqualTo("req-403");
    assertThat(take().getMethod()).isEqualTo("POST");
    assertThat(server.getRequestCount()).isEqualTo(5);

    // The explicit client works too, and asks its supplier for the token on each request.
    server.enqueue(keys(KEY_1, KEY_2));
    server.enqueue(keys(KEY_1, KEY_2));
    explicit.apiKeys().getApiKeys(appId);
    explicit.apiKeys().getApiKeys(appId);
    assertThat(tokens.asked).hasValue(2);
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(explicit.httpClient().connectTimeoutMillis()).isEqualTo(5_000);
    assertThat(explicit.httpClient().readTimeoutMillis()).isEqualTo(20_000);
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
  void aDefaultRequestCarriesThePrimaryKeyAndSendsKeyNumberOne() throws Exception {
    server.enqueue(regenerated(KEY_1, KEY_2, 1));

    RegenerateApiKeyRequest request = new RegenerateApiKeyRequest();
    ApiKeysRegenerated result = fromEnv().apiKeys().regenerateApiKey(42L, request);

    assertThat(request.getKeyNumber()).isEqualTo(KeyNumberEnum.PRIMARY);
    assertThat(take().getBody().utf8()).isEqualTo("{\"key_number\":1}");
    assertThat(result.getRegeneratedKey()).isEqualTo(ApiKeysRegenerated.RegeneratedKeyEnum.PRIMARY);
  }

  @Test
  void anUnknownRegeneratedKeyComesBackAsTheUnknownConstantInsteadOfFailing() {
    server.enqueue(regenerated(KEY_1, KEY_2, 3));

    ApiKeysRegenerated result = fromEnv().apiKeys().regenerateApiKey(42L, null);

    assertThat(result.getRegeneratedKey()).isEqualTo(ApiKeysRegenerated.RegeneratedKeyEnum.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(result.getApiKey()).isEqualTo(KEY_1);
    assertThat(result.getApiKey2()).isEqualTo(KEY_2);
  }
}
