package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.errors.BadRequestException;
import ai.spice.cloud.client.errors.NotFoundException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.ApiKeysRegenerated.RegeneratedKeyEnum;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SpiceCloudFakeExtension.class)
class ApiKeysTest {
  private static final String OLD_PRIMARY = "old-primary";
  private static final String OLD_SECONDARY = "old-secondary";

  @Test
  void readsTheTwoSeededKeys(SpiceCloudFake fake, SpiceCloudClient client) {
    fake.app(42).apiKeys(OLD_PRIMARY, null);
    ApiKeys keys = client.apiKeys().getApiKeys(42L);
    assertThat(keys.getApiKey()).isEqualTo(OLD_PRIMARY);
    assertThat(keys.getApiKey2()).isNull();
  }

  @Test
  void regeneratingThePrimaryReplacesOnlyThePrimaryAndKillsTheOldValueAtOnce(SpiceCloudFake fake,
      SpiceCloudClient client) {
    fake.app(42).apiKeys(OLD_PRIMARY, OLD_SECONDARY);
    ApiKeysRegenerated r = client.apiKeys().regenerateApiKey(42L,
        new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.PRIMARY));
    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.PRIMARY);
    assertThat(r.getApiKey()).isNotEqualTo(OLD_PRIMARY);
    assertThat(r.getApiKey2()).isEqualTo(OLD_SECONDARY);
    assertThat(fake.isLiveKey(42, OLD_PRIMARY)).isFalse();
    assertThat(fake.isLiveKey(42, r.getApiKey())).isTrue();
    assertThat(fake.isLiveKey(42, OLD_SECONDARY)).isTrue();
    assertThat(client.apiKeys().getApiKeys(42L).getApiKey()).isEqualTo(r.getApiKey());
  }

  @Test
  void regeneratingTheSecondaryReplacesOnlyTheSecondary(SpiceCloudFake fake, SpiceCloudClient client) {
    fake.app(42).apiKeys(OLD_PRIMARY, OLD_SECONDARY);
    ApiKeysRegenerated r = client.apiKeys().regenerateApiKey(42L,
        new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.SECONDARY));
    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.SECONDARY);
    assertThat(r.getApiKey()).isEqualTo(OLD_PRIMARY);
    assertThat(r.getApiKey2()).isNotEqualTo(OLD_SECONDARY).isNotNull();
    assertThat(fake.isLiveKey(42, OLD_SECONDARY)).isFalse();
    assertThat(fake.isLiveKey(42, OLD_PRIMARY)).isTrue();
  }

  @Test
  void regeneratingBothReplacesBoth(SpiceCloudFake fake, SpiceCloudClient client) {
    fake.app(42).apiKeys(OLD_PRIMARY, OLD_SECONDARY);
    ApiKeysRegenerated r = client.apiKeys().regenerateApiKey(42L,
        new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.BOTH));
    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.BOTH);
    assertThat(fake.isLiveKey(42, OLD_PRIMARY)).isFalse();
    assertThat(fake.isLiveKey(42, OLD_SECONDARY)).isFalse();
    assertThat(r.getApiKey()).isNotEqualTo(r.getApiKey2());
  }

  @Test
  void withoutABodyThePrimaryIsRegenerated(SpiceCloudFake fake, SpiceCloudClient client) {
    fake.app(42).apiKeys(OLD_PRIMARY, OLD_SECONDARY);
    ApiKeysRegenerated r = client.apiKeys().regenerateApiKey(42L, null);
    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.PRIMARY);
    assertThat(fake.isLiveKey(42, OLD_PRIMARY)).isFalse();
    assertThat(fake.isLiveKey(42, OLD_SECONDARY)).isTrue();
  }

  @Test
  void anEmptyObjectBodyAlsoRegeneratesThePrimary(SpiceCloudFake fake) {
    fake.app(42).apiKeys(OLD_PRIMARY, OLD_SECONDARY);
    Raw.Response r = Raw.post(fake, "/v1/apps/42/api-keys", "{}",
        Raw.bearer(fake.defaultToken(), "Content-Type", "application/json"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("regenerated_key").asInt()).isEqualTo(1);
    assertThat(fake.isLiveKey(42, OLD_PRIMARY)).isFalse();
  }

  @Test
  void anUnknownAppIsNotFound(SpiceCloudFake fake, SpiceCloudClient client) {
    assertThatThrownBy(() -> client.apiKeys().getApiKeys(999L)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.apiKeys().regenerateApiKey(999L, null)).isInstanceOf(NotFoundException.class);
    Raw.Response r = Raw.get(fake, "/v1/apps/999/api-keys", Raw.bearer(fake.defaultToken()));
    assertThat(r.json().path("code").asText()).isEqualTo("not_found");
    assertThat(r.json().path("error").asText()).isEqualTo("App not found");
  }

  @Test
  void anInvalidAppIdIsABadRequest(SpiceCloudFake fake, SpiceCloudClient client) {
    assertThatThrownBy(() -> client.apiKeys().getApiKeys(-1L)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> client.apiKeys().getApiKeys(0L)).isInstanceOf(BadRequestException.class);
    for (String id : new String[] {"abc", "1.5", "99999999999999999999", "%2D1"}) {
      Raw.Response r = Raw.get(fake, "/v1/apps/" + id + "/api-keys", Raw.bearer(fake.defaultToken()));
      assertThat(r.status()).as(id).isEqualTo(400);
      assertThat(r.json().path("error").asText()).isEqualTo("Invalid app ID");
    }
  }

  @Test
  void anUnknownKeyNumberIsABadRequestWithFieldErrorsAndChangesNothing(SpiceCloudFake fake) {
    fake.app(42).apiKeys(OLD_PRIMARY, OLD_SECONDARY);
    // Past every value the generated enum (so the merged document) lists: no page makes it valid.
    int unlisted = Arrays.stream(KeyNumberEnum.values()).filter(v -> v != KeyNumberEnum.UNKNOWN_DEFAULT_OPEN_API)
        .mapToInt(KeyNumberEnum::getValue).max().orElseThrow() + 1;
    String unlistedBody = "{\"key_number\":" + unlisted + "}";
    for (String body : new String[] {unlistedBody, "{\"key_number\":\"1\"}", "{\"key_number\":null}",
        "{\"key_number\":1.5}", "[1]", "\"x\"", "{", "{\"key_number\":1} trailing"}) {
      Raw.Response r = Raw.post(fake, "/v1/apps/42/api-keys", body,
          Raw.bearer(fake.defaultToken(), "Content-Type", "application/json"));
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.json().path("details").has("fieldErrors")).as(body).isTrue();
      assertThat(r.json().path("details").has("formErrors")).as(body).isTrue();
    }
    Raw.Response unknown = Raw.post(fake, "/v1/apps/42/api-keys", unlistedBody,
        Raw.bearer(fake.defaultToken(), "Content-Type", "application/json"));
    assertThat(unknown.json().path("details").path("fieldErrors").has("key_number")).isTrue();
    assertThat(fake.isLiveKey(42, OLD_PRIMARY)).isTrue();
    assertThat(fake.isLiveKey(42, OLD_SECONDARY)).isTrue();
  }

  @Test
  void aBodyThatIsNotJsonIsABadRequest(SpiceCloudFake fake) {
    fake.app(42);
    Raw.Response r = Raw.post(fake, "/v1/apps/42/api-keys", "key_number=2",
        Raw.bearer(fake.defaultToken(), "Content-Type", "application/x-www-form-urlencoded"));
    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void anIntegralFloatIsAnInteger(SpiceCloudFake fake) {
    fake.app(42).apiKeys(OLD_PRIMARY, OLD_SECONDARY);
    Raw.Response r = Raw.post(fake, "/v1/apps/42/api-keys", "{\"key_number\":2.0}",
        Raw.bearer(fake.defaultToken(), "Content-Type", "application/json; charset=utf-8"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(fake.isLiveKey(42, OLD_SECONDARY)).isFalse();
  }

  @Test
  void aBodyOverOneMebibyteIs413AndChangesNothing(SpiceCloudFake fake) {
    fake.app(42).apiKeys(OLD_PRIMARY, OLD_SECONDARY);
    String padding = "x".repeat((int) FakeDispatcher.MAX_BODY_BYTES);
    Raw.Response r = Raw.post(fake, "/v1/apps/42/api-keys", "{\"key_number\":0,\"x-spice-test-pad\":\"" + padding + "\"}",
        Raw.bearer(fake.defaultToken(), "Content-Type", "application/json"));
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.code()).isEqualTo("payload_too_large");
    assertThat(fake.isLiveKey(42, OLD_PRIMARY)).isTrue();
    RecordedCall call = fake.requests().get(fake.requests().size() - 1);
    assertThat(call.requestBodySize()).isGreaterThan(FakeDispatcher.MAX_BODY_BYTES);
    assertThat(call.requestBody().orElseThrow().length()).isLessThanOrEqualTo(64 * 1024);
  }

  @Test
  void aBodyOfExactlyOneMebibyteIsAccepted(SpiceCloudFake fake) {
    fake.app(42).apiKeys(OLD_PRIMARY, OLD_SECONDARY);
    String prefix = "{\"key_number\":2,\"x-spice-test-pad\":\"";
    String padding = "x".repeat((int) FakeDispatcher.MAX_BODY_BYTES - prefix.length() - 2);
    Raw.Response r = Raw.post(fake, "/v1/apps/42/api-keys", prefix + padding + "\"}",
        Raw.bearer(fake.defaultToken(), "Content-Type", "application/json"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(fake.isLiveKey(42, OLD_SECONDARY)).isFalse();
  }
}
