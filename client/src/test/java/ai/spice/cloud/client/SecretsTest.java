package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static ai.spice.cloud.client.testing.Responses.keys;
import static ai.spice.cloud.client.testing.Responses.regenerated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.BadRequestException;
import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.errors.UnauthorizedException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.ApiResponse;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.model.SecretList;
import ai.spice.cloud.client.testing.CapturedLogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretsTest extends ServerTest {

  @BeforeEach
  void clearLogs() {
    CapturedLogs.clear();
  }

  private SpiceCloudClient verboseClient() {
    return clientBuilder().logLevel(LogLevel.FULL).build();
  }

  @Test
  void fullLoggingMasksTheTokenAndKeysButKeepsTheRestOfTheExchange() {
    server.enqueue(keys(KEY_1, KEY_2));
    server.enqueue(regenerated(KEY_1, KEY_2, 2));

    verboseClient().apiKeys().getApiKeys(42L);
    verboseClient().apiKeys().regenerateApiKey(42L,
        new RegenerateApiKeyRequest().keyNumber(RegenerateApiKeyRequest.KeyNumberEnum.SECONDARY));

    String logs = CapturedLogs.text();
    assertThat(logs).doesNotContain(TOKEN).doesNotContain(KEY_1).doesNotContain(KEY_2);
    // The non-secret parts are there, so the assertion above is about masking, not about silence.
    assertThat(logs)
        .contains("ai.spice.cloud.client")
        .contains("GET " + baseUrl() + "/v1/apps/42/api-keys")
        .contains("POST " + baseUrl() + "/v1/apps/42/api-keys")
        .contains("Authorization: ***")
        .contains("\"api_key\":\"***\"")
        .contains("\"api_key_2\":\"***\"")
        .contains("\"regenerated_key\":2")
        .contains("{\"key_number\":2}")
        .contains("HTTP/1.1 200");
  }

  @Test
  void noLoggingAtLevelNone() {
    server.enqueue(keys(KEY_1, KEY_2));

    client().apiKeys().getApiKeys(42L);

    assertThat(CapturedLogs.lines()).noneMatch(l -> l.contains("/v1/apps/42/api-keys"));
  }

  @Test
  void fullLoggingMasksATokenTheServerEchoes() {
    server.enqueue(json(401, "{\"error\":\"invalid token " + TOKEN + "\"}"));

    catchThrowableOfType(UnauthorizedException.class, () -> verboseClient().apiKeys().getApiKeys(1L));

    assertThat(CapturedLogs.text()).doesNotContain(TOKEN).contains("invalid token ***");
  }

  @Test
  void exceptionMessageAndExcerptHoldNoSecrets() {
    server.enqueue(json(401, "{\"error\":\"invalid token " + TOKEN + "\",\"api_key\":\"" + KEY_1 + "\"}"));

    UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(fullText(e)).doesNotContain(TOKEN).doesNotContain(KEY_1);
    assertThat(e.bodyExcerpt()).contains("invalid token ***").contains("\"api_key\":\"***\"");
    assertThat(e.headers()).doesNotContainKey("Authorization");
  }

  @Test
  void serverErrorExcerptMasksKeys() {
    server.enqueue(json(500, "{\"api_key_2\":\"" + KEY_2 + "\",\"detail\":\"db down\"}"));

    InternalServerException e = catchThrowableOfType(InternalServerException.class,
        () -> clientBuilder().maxRetries(0).build().apiKeys().regenerateApiKey(1L, null));

    assertThat(fullText(e)).doesNotContain(KEY_2);
    assertThat(e.bodyExcerpt()).contains("db down");
  }

  @Test
  void invalidResponseMasksAKeyCutShortByTruncation() {
    server.enqueue(json(200, "{\"api_key\":\"" + KEY_1 + "\",\"api_key_2\":\"" + KEY_2.substring(0, 9)));

    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(fullText(e)).doesNotContain(KEY_1).doesNotContain(KEY_2.substring(0, 9));
    assertThat(e.bodyExcerpt()).startsWith("{\"api_key\":\"***\"");
  }

  @Test
  void aKeyBehindAMangledMemberNameIsMasked() {
    server.enqueue(json(200, "{\"a\"pi_key\":\"" + KEY_1 + "\",\"api_key_2\":\"" + KEY_2 + "\"}"));

    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(fullText(e)).doesNotContain(KEY_1).doesNotContain(KEY_2);
  }

  @Test
  void aKeyBehindAMemberNameMissingItsOpeningQuoteIsMasked() {
    server.enqueue(json(400, "{api_key\":\"" + KEY_1 + "\"}"));

    BadRequestException e = catchThrowableOfType(BadRequestException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(fullText(e)).doesNotContain(KEY_1);
  }

  @Test
  void keysInAnArrayAreMaskedButProseIsKept() {
    server.enqueue(json(500, "{\"detail\":\"insufficient_scope for this app\",\"keys\":[\"" + KEY_1 + "\"]}"));

    InternalServerException e = catchThrowableOfType(InternalServerException.class,
        () -> clientBuilder().maxRetries(0).build().apiKeys().getApiKeys(1L));

    assertThat(e.bodyExcerpt()).doesNotContain(KEY_1).contains("insufficient_scope for this app");
  }

  @Test
  void invalidJsonTokenIsNotQuotedInTheMessage() {
    // Jackson would quote an unquoted token in its own message.
    server.enqueue(json(200, "{\"api_key\": " + KEY_1 + "}"));

    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        () -> client().apiKeys().getApiKeys(1L));

    assertThat(fullText(e)).doesNotContain(KEY_1);
  }

  @Test
  void returnedModelsMaskKeysInToStringButGettersReturnThem() {
    server.enqueue(keys(KEY_1, KEY_2));
    server.enqueue(regenerated(KEY_1, KEY_2, 1));
    server.enqueue(keys(KEY_1, null));

    ApiKeys keys = client().apiKeys().getApiKeys(1L);
    ApiKeysRegenerated regenerated = client().apiKeys().regenerateApiKey(1L, null);
    ApiResponse<ApiKeys> raw = client().apiKeys().getApiKeysWithHttpInfo(1L);

    assertThat(keys.toString()).doesNotContain(KEY_1).doesNotContain(KEY_2).contains("apiKey: ***");
    assertThat(regenerated.toString()).doesNotContain(KEY_1).doesNotContain(KEY_2).contains("regeneratedKey: 1");
    assertThat(raw.getData().toString()).doesNotContain(KEY_1).contains("apiKey2: null");
    assertThat(keys.getApiKey()).isEqualTo(KEY_1);
    assertThat(regenerated.getApiKey2()).isEqualTo(KEY_2);
  }

  @Test
  void secretValuesAreMaskedInToStringAndAtFullLoggingButTheGetterReturnsThem() {
    String value = "s3cr3t-db-password-value";
    server.enqueue(json(200, "{\"secrets\":[{\"id\":1,\"name\":\"DB_PASSWORD\",\"value\":\"" + value
        + "\",\"created_at\":\"2026-01-02T03:04:05Z\"},{\"id\":2,\"name\":\"EMPTY\",\"value\":null}]}"));

    SecretList secrets = verboseClient().secrets().listSecrets(7L);

    assertThat(secrets.getSecrets().get(0).getValue()).isEqualTo(value);
    assertThat(secrets.toString()).doesNotContain(value).contains("value: ***").contains("name: DB_PASSWORD")
        .contains("value: null").contains("createdAt: 2026-01-02T03:04:05Z");
    assertThat(CapturedLogs.text()).doesNotContain(value).contains("\"value\":\"***\"").contains("DB_PASSWORD");
  }

  @Test
  void aKeyThatTheServerEchoesInAHeaderIsMaskedInTheLog() {
    server.enqueue(keys(KEY_1, KEY_2).newBuilder().addHeader("X-Debug", "token=" + TOKEN + " key " + KEY_1).build());

    verboseClient().apiKeys().getApiKeys(1L);

    assertThat(CapturedLogs.text()).doesNotContain(TOKEN).contains("X-Debug: token=");
  }

  @Test
  void returnedModelsAreEqualWhenTheirValuesAre() {
    server.enqueue(keys(KEY_1, KEY_2));
    server.enqueue(keys(KEY_1, KEY_2));

    assertThat(client().apiKeys().getApiKeys(1L)).isEqualTo(client().apiKeys().getApiKeys(1L));
  }

  @Test
  void clientToStringHoldsNoToken() {
    assertThat(client().toString()).doesNotContain(TOKEN).contains(baseUrl());
  }

  private static String fullText(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    String s = out.toString();
    if (t instanceof ai.spice.cloud.client.errors.SpiceCloudServiceException) {
      s += ((ai.spice.cloud.client.errors.SpiceCloudServiceException) t).bodyExcerpt();
    }
    if (t instanceof SpiceCloudInvalidResponseException) {
      s += ((SpiceCloudInvalidResponseException) t).bodyExcerpt();
    }
    return s;
  }
}
