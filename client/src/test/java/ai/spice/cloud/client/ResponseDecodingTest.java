package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static ai.spice.cloud.client.testing.Responses.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.ApiKeysRegenerated.RegeneratedKeyEnum;
import ai.spice.cloud.client.model.ApiResponse;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class ResponseDecodingTest extends ServerTest {

  @Test
  void keysAreReturnedAsSent() {
    server.enqueue(keys(KEY_1, KEY_2));

    ApiKeys keys = client().apiKeys().getApiKeys(1L);

    assertThat(keys.getApiKey()).isEqualTo(KEY_1);
    assertThat(keys.getApiKey2()).isEqualTo(KEY_2);
  }

  @Test
  void nullKeysComeBackAsNull() {
    server.enqueue(json(200, "{\"api_key\":null,\"api_key_2\":null}"));

    ApiKeys keys = client().apiKeys().getApiKeys(1L);

    assertThat(keys.getApiKey()).isNull();
    assertThat(keys.getApiKey2()).isNull();
  }

  @Test
  void unknownResponseFieldsDoNotDisturbTheKnownOnes() {
    // Names no API page publishes: a page adding any member (a created_at, say) cannot make them known.
    server.enqueue(json(200, "{\"api_key\":\"" + KEY_1 + "\",\"x_spice_test_unknown_at\":\"2026-01-01\","
        + "\"x_spice_test_unknown_nested\":{\"a\":[1,2]},\"api_key_2\":null}"));

    ApiKeys keys = client().apiKeys().getApiKeys(1L);

    assertThat(keys.getApiKey()).isEqualTo(KEY_1);
    assertThat(keys.getApiKey2()).isNull();
    assertThat(keys._additionalProperties()).containsOnlyKeys("x_spice_test_unknown_at", "x_spice_test_unknown_nested");
  }

  @Test
  void regeneratedKeyIsMappedToItsEnumConstant() {
    server.enqueue(json(200, "{\"api_key\":\"a\",\"api_key_2\":\"b\",\"regenerated_key\":2}"));

    ApiKeysRegenerated r = client().apiKeys().regenerateApiKey(1L, null);

    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.SECONDARY);
    assertThat(r.getRegeneratedKey().getValue()).isEqualTo(2);
  }

  @Test
  void unknownRegeneratedKeyDoesNotFailTheCall() {
    server.enqueue(json(200, "{\"api_key\":\"a\",\"api_key_2\":\"b\",\"regenerated_key\":3}"));

    ApiKeysRegenerated r = client().apiKeys().regenerateApiKey(1L, null);

    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(r.getApiKey()).isEqualTo("a");
  }

  @Test
  void withHttpInfoExposesStatusHeadersAndData() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req-77").body("{\"api_key\":\"a\",\"api_key_2\":null}").build());

    ApiResponse<ApiKeys> response = client().apiKeys().getApiKeysWithHttpInfo(1L);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders().get("x-request-id")).containsExactly("req-77");
    assertThat(response.getData().getApiKey()).isEqualTo("a");
  }

  @Test
  void regenerateWithHttpInfoExposesData() {
    server.enqueue(json(200, "{\"api_key\":\"a\",\"api_key_2\":\"b\",\"regenerated_key\":0}"));

    ApiResponse<ApiKeysRegenerated> response = client().apiKeys().regenerateApiKeyWithHttpInfo(1L, null);

    assertThat(response.getData().getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.BOTH);
  }

  @Test
  void htmlPageOn200IsAnInvalidResponse() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .body("<html><body>Gateway login</body></html>").build());

    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage()).contains("text/html").contains("ApiKeys").contains("/v1/apps/1/api-keys");
    assertThat(e.bodyExcerpt()).contains("Gateway login");
  }

  @Test
  void htmlPageLabelledAsJsonIsAnInvalidResponse() {
    server.enqueue(json(200, "<html>oops</html>"));

    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(e.getMessage()).contains("Malformed or unexpected JSON");
  }

  @Test
  void emptyBodyOn200IsAnInvalidResponse() {
    server.enqueue(json(200, ""));

    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(e.getMessage()).contains("Empty response body");
  }

  @Test
  void truncatedJsonIsAnInvalidResponse() {
    server.enqueue(json(200, "{\"api_key\":\"abc\",\"api_ke"));

    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(e.getMessage()).contains("Malformed or unexpected JSON").contains("line 1");
  }

  @Test
  void wrongShapeIsAnInvalidResponse() {
    server.enqueue(json(200, "[{\"api_key\":\"a\"}]"));

    catchThrowableOfType(SpiceCloudInvalidResponseException.class, () -> client().apiKeys().getApiKeys(1L));
  }

  @Test
  void jsonNullIsAnInvalidResponse() {
    server.enqueue(json(200, "null"));

    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(e.getMessage()).contains("JSON null");
  }
}
