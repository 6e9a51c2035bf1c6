package ai.spice.cloud.bench.contenders;

import ai.spice.cloud.bench.server.Fixtures;
import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.api.ApiKeysApi;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;

/** Our client as shipped: default configuration, only the base URL and token set. */
public final class OursContender implements Contender {
  private final ApiKeysApi api;

  public OursContender(String baseUrl, String token) {
    this.api = SpiceCloudClient.builder().baseUrl(baseUrl).bearerToken(token).build().apiKeys();
  }

  @Override
  public ApiKeys getApiKeys() {
    return api.getApiKeys(Fixtures.APP_ID);
  }

  @Override
  public ApiKeysRegenerated regenerateApiKey() {
    // A new request carries the default, PRIMARY (1).
    return api.regenerateApiKey(Fixtures.APP_ID, new RegenerateApiKeyRequest());
  }

  @Override
  public Observed observe(Object response) {
    if (response instanceof ApiKeys keys) {
      return new Observed(keys.getApiKey(), keys.getApiKey2(), null);
    }
    ApiKeysRegenerated regenerated = (ApiKeysRegenerated) response;
    return new Observed(regenerated.getApiKey(), regenerated.getApiKey2(),
        regenerated.getRegeneratedKey() == null ? null : regenerated.getRegeneratedKey().getValue());
  }
}
