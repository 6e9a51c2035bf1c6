package ai.spice.cloud.bench.contenders;

import ai.spice.cloud.bench.defaultgen.api.ApiKeysApi;
import ai.spice.cloud.bench.defaultgen.api.RegionsApi;
import ai.spice.cloud.bench.defaultgen.invoker.ApiClient;
import ai.spice.cloud.bench.defaultgen.model.ApiKeys;
import ai.spice.cloud.bench.defaultgen.model.ApiKeysRegenerated;
import ai.spice.cloud.bench.defaultgen.model.RegenerateApiKeyRequest;
import ai.spice.cloud.bench.defaultgen.model.RegionList;
import ai.spice.cloud.bench.server.Fixtures;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

/**
 * openapi-generator's java/feign output with default options, used as its own usage comment shows.
 *
 * <p>Its methods take every optional query parameter the document has, so their signatures change whenever
 * upstream adds one; each operation is therefore found by name once, here, and called with the app id, the
 * body and null for every other parameter (Feign leaves a null query parameter out), so this compiles and calls
 * the same operation whatever the document adds.
 */
public final class DefaultGeneratedContender implements Contender {
  private final ApiKeysApi api;
  private final RegionsApi regions;
  private final Method getApiKeys;
  private final Method listRegions;
  private final Method regenerateApiKey;

  public DefaultGeneratedContender(String baseUrl, String token) {
    ApiClient apiClient = new ApiClient("BearerAuth");
    apiClient.setBasePath(baseUrl);
    apiClient.setBearerToken(token);
    this.api = apiClient.buildClient(ApiKeysApi.class);
    this.regions = apiClient.buildClient(RegionsApi.class);
    this.getApiKeys = expanded(ApiKeysApi.class, "getApiKeys");
    this.listRegions = expanded(RegionsApi.class, "listRegions");
    this.regenerateApiKey = expanded(ApiKeysApi.class, "regenerateApiKey");
  }

  @Override
  public RegionList listRegions() {
    return (RegionList) call(listRegions, regions, null);
  }

  /** Feign's own contract refuses a null body parameter ("Body parameter 1 was null"), optional or not. */
  @Override
  public ApiKeysRegenerated regenerateApiKeyWithoutBody() {
    try {
      return (ApiKeysRegenerated) call(regenerateApiKey, api, null);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedOperationException("the default generated client cannot leave the optional body out", e);
    }
  }

  @Override
  public ApiKeys getApiKeys() {
    return (ApiKeys) call(getApiKeys, api, null);
  }

  @Override
  public ApiKeysRegenerated regenerateApiKey() {
    // The generated model initialises key_number to its default, PRIMARY (1).
    return (ApiKeysRegenerated) call(regenerateApiKey, api, new RegenerateApiKeyRequest());
  }

  /** The method taking each parameter separately (not the generated query-parameter map variant). */
  private static Method expanded(Class<?> type, String name) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && !m.isDefault())
        .filter(m -> Arrays.stream(m.getParameterTypes()).noneMatch(Map.class::isAssignableFrom))
        .findFirst().orElseThrow(() -> new IllegalStateException("no " + name + " in " + type));
  }

  /**
   * The app id goes to the first parameter of an API-keys operation (its path's: an Integer for a plain
   * {@code type: integer}, a Long once the document says {@code int64}), the body to the parameter of its type,
   * null everywhere else.
   */
  private static Object call(Method method, Object target, Object body) {
    Class<?>[] types = method.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (i == 0 && method.getDeclaringClass() == ApiKeysApi.class) {
        args[i] = types[i] == Long.class ? (Object) Fixtures.APP_ID : (Object) Math.toIntExact(Fixtures.APP_ID);
      } else if (types[i] == RegenerateApiKeyRequest.class) {
        args[i] = body;
      }
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
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
