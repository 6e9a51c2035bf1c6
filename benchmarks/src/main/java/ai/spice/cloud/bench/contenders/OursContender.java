package ai.spice.cloud.bench.contenders;

import ai.spice.cloud.bench.server.Fixtures;
import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.api.ApiKeysApi;
import ai.spice.cloud.client.api.RegionsApi;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;
import ai.spice.cloud.client.model.RegionList;
import okhttp3.OkHttpClient;

/**
 * Our client as shipped: default configuration, only the base URL and token set, on the caller's OkHttp
 * client ({@code new OkHttpClient()} unless a run shares a pool), as {@code httpClient(..)} takes it.
 */
public final class OursContender implements Contender {
  private final ApiKeysApi apiKeys;
  private final RegionsApi regions;

  public OursContender(String baseUrl, String token, OkHttpClient base) {
    SpiceCloudClient client = SpiceCloudClient.builder().baseUrl(baseUrl).bearerToken(token).httpClient(base).build();
    this.apiKeys = client.apiKeys();
    this.regions = client.regions();
  }

  @Override
  public ApiKeys getApiKeys() {
    return apiKeys.getApiKeys(Fixtures.APP_ID);
  }

  @Override
  public RegionList listRegions() {
    return regions.listRegions();
  }

  @Override
  public ApiKeysRegenerated regenerateApiKey() {
    // Chosen explicitly: a fresh request object sends {}, and every contender must send the same body.
    return apiKeys.regenerateApiKey(Fixtures.APP_ID, new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.PRIMARY));
  }

  @Override
  public ApiKeysRegenerated regenerateApiKeyWithoutBody() {
    return apiKeys.regenerateApiKey(Fixtures.APP_ID, null);
  }

  @Override
  public Observed observe(Object response) {
    if (response instanceof ApiKeys keys) {
      return new Observed(keys.getApiKey(), keys.getApiKey2(), null);
    }
    if (response instanceof RegionList list) {
      return new Observed(list.getRegions().get(0).getRegion(), list.getDefault(), null);
    }
    ApiKeysRegenerated regenerated = (ApiKeysRegenerated) response;
    return new Observed(regenerated.getApiKey(), regenerated.getApiKey2(),
        regenerated.getRegeneratedKey() == null ? null : regenerated.getRegeneratedKey().getValue());
  }
}
