package ai.spice.cloud.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * The JSON mapping of the generated models, and the one place that says which members hold secrets. Responses
 * decode into the generated classes and read tolerantly ({@link Tolerance}). The generated {@code toString()}
 * prints every field (only {@code format: password}, which the spec does not use, hides one), so a model with
 * a secret member decodes into its subclass in {@link DecodedModels}, which prints a copy with secret members
 * masked ({@link #masked}); getters and JSON are unchanged. The same names tell the log redactor which members
 * to mask.
 */
final class Models {

  /** JSON member names whose values are secrets wherever they appear: ApiKeys' keys and a Secret's value. */
  static final Set<String> SECRET_MEMBERS = Set.of("api_key", "api_key_2", "value");

  /** Encodes requests and decodes responses; shared by every client (it is immutable and thread-safe). */
  static final ObjectMapper MAPPER = DecodedModels.register(JsonMapper.builder())
      // Forward compatible: members added to a response later are kept in the model, not an error.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addHandler(new Tolerance.Members())
      // An unset optional field is left out of a request rather than sent as null.
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      // The generator's java8 dates only, date-time OffsetDateTime (with the offset sent) and date LocalDate:
      // all of JavaTimeModule's classes were 7% of a first call.
      .addModule(new SimpleModule().setDeserializerModifier(new Tolerance.Properties())
          .addDeserializer(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME)
          .addSerializer(OffsetDateTime.class, OffsetDateTimeSerializer.INSTANCE)
          .addDeserializer(LocalDate.class, LocalDateDeserializer.INSTANCE)
          .addSerializer(LocalDate.class, LocalDateSerializer.INSTANCE))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .build();

  private Models() {}

  /** Whether a model with these JSON members has a secret one, so decodes into its masking subclass. */
  static boolean anySecret(String... members) {
    for (String member : members) {
      if (Redactor.isSecretName(member)) {
        return true;
      }
    }
    return false;
  }

  /** What a decoded model's {@code toString()} prints for {@code member}: the mask for a secret one. */
  @SuppressWarnings("unchecked")
  static <T> T masked(String member, T value) {
    if (value == null || !Redactor.isSecretName(member)) {
      return value;
    }
    return value instanceof String ? (T) Redactor.MASK : null;
  }
}
