package ai.spice.cloud.client;

import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.Secret;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON mapping of the generated models, and the one place that says which members hold secrets. The
 * generated {@code toString()} prints every field (only {@code format: password}, which the spec does not use,
 * hides one), so each secret-bearing model is decoded into a subclass whose {@code toString()} masks them;
 * getters, equality and JSON are unchanged. The same list tells the log redactor which members to mask.
 */
final class Models {

  /** A model with secret members, and its subclass the client decodes it into (also its mix-in, saying so). */
  private record Masked(Class<?> model, Class<?> subclass, Set<String> members) {}

  private static final List<Masked> MASKED = List.of(
      new Masked(ApiKeys.class, MaskedApiKeys.class, Set.of("api_key", "api_key_2")),
      new Masked(ApiKeysRegenerated.class, MaskedApiKeysRegenerated.class, Set.of("api_key", "api_key_2")),
      new Masked(Secret.class, MaskedSecret.class, Set.of("value")));

  /** JSON member names whose values are secrets wherever they appear. */
  static final Set<String> SECRET_MEMBERS =
      MASKED.stream().flatMap(m -> m.members().stream()).collect(Collectors.toUnmodifiableSet());

  /** Encodes requests and decodes responses; shared by every client (it is immutable and thread-safe). */
  static final ObjectMapper MAPPER = mapper(true);
  /** The same mapping without the masking subclasses, for the copies {@code toString()} prints. */
  private static final ObjectMapper PLAIN = mapper(false);

  private Models() {}

  private static ObjectMapper mapper(boolean masking) {
    JsonMapper.Builder mapper = JsonMapper.builder();
    if (masking) {
      MASKED.forEach(m -> mapper.addMixIn(m.model(), m.subclass()));
    }
    return mapper
        // Forward compatible: members added to a response later are kept aside, not an error.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addHandler(new UnknownMembers.Members())
        // An unset optional field is left out of a request rather than sent as null.
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        // format: date-time is OffsetDateTime, read and written as ISO-8601 with the offset the server sent.
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .addModule(new SimpleModule().setDeserializerModifier(new UnknownMembers.EnumValues()))
        .build();
  }

  /** The generated {@code toString()} of a copy whose secret members read {@code ***} (null stays null). */
  static String maskedToString(Object model) {
    Masked masked = MASKED.stream().filter(m -> m.model() == model.getClass().getSuperclass()).findFirst()
        .orElseThrow();
    ObjectNode tree = PLAIN.valueToTree(model);
    masked.members().stream().filter(tree::hasNonNull).forEach(name -> tree.put(name, Redactor.MASK));
    try {
      return PLAIN.treeToValue(tree, masked.model()).toString();
    } catch (JsonProcessingException e) {
      return masked.model().getSimpleName() + " (masked)";
    }
  }

  @JsonDeserialize(as = MaskedApiKeys.class)
  static final class MaskedApiKeys extends ApiKeys {
    @Override
    public String toString() {
      return maskedToString(this);
    }
  }

  @JsonDeserialize(as = MaskedApiKeysRegenerated.class)
  static final class MaskedApiKeysRegenerated extends ApiKeysRegenerated {
    @Override
    public String toString() {
      return maskedToString(this);
    }
  }

  @JsonDeserialize(as = MaskedSecret.class)
  static final class MaskedSecret extends Secret {
    @Override
    public String toString() {
      return maskedToString(this);
    }
  }
}
