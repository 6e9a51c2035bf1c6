package ai.spice.cloud.bench.contenders;

import ai.spice.cloud.bench.defaultgen.api.ApiKeysApi;
import ai.spice.cloud.bench.defaultgen.invoker.ApiClient;
import ai.spice.cloud.bench.defaultgen.model.ApiKeys;
import ai.spice.cloud.bench.defaultgen.model.ApiKeysRegenerated;
import ai.spice.cloud.bench.defaultgen.model.RegenerateApiKeyRequest;
import ai.spice.cloud.bench.server.Fixtures;

/** openapi-generator's java/feign output with default options, used as its own usage comment shows. */
public final class DefaultGeneratedContender implements Contender {
  private static final Integer APP_ID = Math.toIntExact(Fixtures.APP_ID);

  private final ApiKeysApi api;

  public DefaultGeneratedContender(String baseUrl, String token) {
    ApiClient apiClient = new ApiClient("BearerAuth");
    apiClient.setBasePath(baseUrl);
    apiClient.setBearerToken(token);
    this.api = apiClient.buildClient(ApiKeysApi.class);
  }

  @Override
  public ApiKeys getApiKeys() {
    return api.getApiKeys(APP_ID);
  }

  @Override
  public ApiKeysRegenerated regenerateApiKey() {
    // The generated model initialises key_number to its default, PRIMARY (1).
    return api.regenerateApiKey(APP_ID, new RegenerateApiKeyRequest());
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
