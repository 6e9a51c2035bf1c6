package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.keys;
import static ai.spice.cloud.client.testing.Responses.regenerated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class RequestShapeTest extends ServerTest {

  @Test
  void getApiKeysSendsGetWithBearerTokenAcceptAndUserAgent() throws Exception {
    server.enqueue(keys(KEY_1, KEY_2));

    client().apiKeys().getApiKeys(42L);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getTarget()).isEqualTo("/v1/apps/42/api-keys");
    assertThat(r.getHeaders().values("Authorization")).containsExactly("Bearer " + TOKEN);
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("User-Agent")).matches("spice-cloud-java/\\d+\\.\\d+\\.\\d+.*");
    assertThat(r.getBodySize()).isZero();
  }

  @Test
  void regenerateWithoutRequestObjectSendsNoBodyAndNoContentType() throws Exception {
    server.enqueue(regenerated(KEY_1, KEY_2, 1));

    client().apiKeys().regenerateApiKey(42L, null);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/v1/apps/42/api-keys");
    assertThat(r.getBodySize()).isZero();
    assertThat(r.getHeaders().get("Content-Type")).isNull();
    assertThat(r.getHeaders().values("Authorization")).containsExactly("Bearer " + TOKEN);
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("User-Agent")).startsWith("spice-cloud-java/");
  }

  @Test
  void regenerateWithRequestObjectSendsChosenKeyNumberAsJsonInteger() throws Exception {
    server.enqueue(regenerated(KEY_1, KEY_2, 2));

    client().apiKeys().regenerateApiKey(42L, new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.SECONDARY));

    RecordedRequest r = take();
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(r.getBody().utf8()).isEqualTo("{\"key_number\":2}");
  }

  @Test
  void aFreshRequestObjectSendsAnEmptyObjectSoTheServerDefaultApplies() throws Exception {
    server.enqueue(regenerated(KEY_1, KEY_2, 1));
    server.enqueue(regenerated(KEY_1, KEY_2, 1));

    assertThat(new RegenerateApiKeyRequest().getKeyNumber()).isNull();
    client().apiKeys().regenerateApiKey(7L, new RegenerateApiKeyRequest());
    client().apiKeys().regenerateApiKey(7L, new RegenerateApiKeyRequest().keyNumber(null));

    assertThat(take().getBody().utf8()).isEqualTo("{}");
    assertThat(take().getBody().utf8()).isEqualTo("{}");
  }

  @Test
  void regenerateBothSendsZero() throws Exception {
    server.enqueue(regenerated(KEY_1, KEY_2, 0));

    client().apiKeys().regenerateApiKey(7L, new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.BOTH));

    assertThat(take().getBody().utf8()).isEqualTo("{\"key_number\":0}");
  }

  @Test
  void appIdsBeyond32BitsTravelUnchanged() throws Exception {
    server.enqueue(keys(KEY_1, null));

    client().apiKeys().getApiKeys(9_007_199_254_740_993L);

    assertThat(take().getTarget()).isEqualTo("/v1/apps/9007199254740993/api-keys");
  }

  @Test
  void nullAppIdIsRejectedBeforeAnyRequest() {
    assertThatThrownBy(() -> client().apiKeys().getApiKeys(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("appId");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void tokenSupplierIsAskedOnEveryRequest() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    SpiceCloudClient client = clientBuilder().tokenSupplier(() -> "rotating-" + calls.incrementAndGet()).build();
    server.enqueue(keys(KEY_1, KEY_2));
    server.enqueue(keys(KEY_1, KEY_2));

    client.apiKeys().getApiKeys(1L);
    client.apiKeys().getApiKeys(1L);

    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer rotating-1");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer rotating-2");
  }

  @Test
  void aTokenWithTemplateLikeCharactersIsSentVerbatim() throws Exception {
    String token = "t{appId}-{x}%7B+/=";
    server.enqueue(keys(KEY_1, KEY_2));

    clientBuilder().bearerToken(token).build().apiKeys().getApiKeys(5L);

    assertThat(take().getHeaders().values("Authorization")).containsExactly("Bearer " + token);
  }

  @Test
  void baseUrlPathPrefixIsKept() throws Exception {
    server.enqueue(keys(KEY_1, KEY_2));

    clientBuilder().baseUrl(baseUrl() + "/proxy/").build().apiKeys().getApiKeys(5L);

    assertThat(take().getTarget()).isEqualTo("/proxy/v1/apps/5/api-keys");
  }
}
