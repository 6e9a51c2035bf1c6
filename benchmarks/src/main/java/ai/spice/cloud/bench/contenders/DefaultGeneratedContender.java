package ai.spice.cloud.bench.contenders;

import ai.spice.cloud.bench.defaultgen.api.ApiKeysApi;
import ai.spice.cloud.bench.defaultgen.api.RegionsApi;
import ai.spice.cloud.bench.defaultgen.invoker.ApiClient;
import ai.spice.cloud.bench.defaultgen.model.ApiKeys;
import ai.spice.cloud.bench.defaultgen.model.ApiKeysRegenerated;
import ai.spice.cloud.bench.defaultgen.model.RegenerateApiKeyRequest;
import ai.spice.cloud.bench.defaultgen.model.RegionList;
import ai.spice.cloud.bench.server.Fixtures;

/** openapi-generator's java/feign output with default options, used as its own usage comment shows. */
public final class DefaultGeneratedContender implements Contender {
  /**
   * The generated parameter is Integer for a plain {@code type: integer} and Long once the spec says
   * {@code format: int64}; the id is boxed to whichever the generated method takes, so this compiles for both.
   */
  private static final Number APP_ID = appIdFor(ApiKeysApi.class);

  private final ApiKeysApi api;
  private final RegionsApi regions;

  public DefaultGeneratedContender(String baseUrl, String token) {
    ApiClient apiClient = new ApiClient("BearerAuth");
    apiClient.setBasePath(baseUrl);
    apiClient.setBearerToken(token);
    this.api = apiClient.buildClient(ApiKeysApi.class);
    this.regions = apiClient.buildClient(RegionsApi.class);
  }

  @Override
  public RegionList listRegions() {
    return regions.listRegions();
  }

  /** Feign's own contract refuses a null body parameter ("Body parameter 1 was null"), optional or not. */
  @Override
  public ApiKeysRegenerated regenerateApiKeyWithoutBody() {
    try {
      return api.regenerateApiKey(appId(), null);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedOperationException("the default generated client cannot leave the optional body out", e);
    }
  }

  @Override
  public ApiKeys getApiKeys() {
    return api.getApiKeys(appId());
  }

  @Override
  public ApiKeysRegenerated regenerateApiKey() {
    // The generated model initialises key_number to its default, PRIMARY (1).
    return api.regenerateApiKey(appId(), new RegenerateApiKeyRequest());
  }

  @SuppressWarnings("unchecked")
  private static <T extends Number> T appId() {
    return (T) APP_ID;
  }

  private static Number appIdFor(Class<?> api) {
    for (java.lang.reflect.Method method : api.getMethods()) {
      if (method.getName().equals("getApiKeys") && method.getParameterCount() == 1) {
        return method.getParameterTypes()[0] == Long.class ? (Number) Fixtures.APP_ID
            : (Number) Math.toIntExact(Fixtures.APP_ID);
      }
    }
    throw new IllegalStateException("no getApiKeys(appId) in " + api);
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
