package ai.spice.cloud.client.internal;

import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of the generated models.
 *
 * <p>The generated {@code toString()} prints every field, keys included, and no generator option hides a
 * field that the spec does not mark {@code format: password} (the published spec does not, and its
 * decorations may not add it). Rather than overriding templates, the client's mapper deserializes the
 * two key-bearing models into subclasses whose {@code toString()} masks the keys. Getters, equality
 * between responses, and JSON are unchanged; only objects the client returns are masked.
 */
public final class Models {

  private Models() {}

  /** @return the mapper the client encodes requests and decodes responses with */
  public static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        // Forward compatible: fields added to a response later must not break old clients.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // An unset optional field is left out of a request rather than sent as null.
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
        .addMixIn(ApiKeys.class, MaskedApiKeysMixin.class)
        .addMixIn(ApiKeysRegenerated.class, MaskedApiKeysRegeneratedMixin.class)
        .build();
  }

  @JsonDeserialize(as = MaskedApiKeys.class)
  private abstract static class MaskedApiKeysMixin {}

  @JsonDeserialize(as = MaskedApiKeysRegenerated.class)
  private abstract static class MaskedApiKeysRegeneratedMixin {}

  static String mask(String key) {
    return key == null ? "null" : Redactor.MASK;
  }

  /** {@link ApiKeys} as returned by the client: same values, keys masked in {@code toString()}. */
  static final class MaskedApiKeys extends ApiKeys {
    @Override
    public String toString() {
      return "class ApiKeys {\n    apiKey: " + mask(getApiKey())
          + "\n    apiKey2: " + mask(getApiKey2()) + "\n}";
    }
  }

  /** {@link ApiKeysRegenerated} as returned by the client, keys masked in {@code toString()}. */
  static final class MaskedApiKeysRegenerated extends ApiKeysRegenerated {
    @Override
    public String toString() {
      return "class ApiKeysRegenerated {\n    apiKey: " + mask(getApiKey())
          + "\n    apiKey2: " + mask(getApiKey2())
          + "\n    regeneratedKey: " + getRegeneratedKey() + "\n}";
    }
  }
}
