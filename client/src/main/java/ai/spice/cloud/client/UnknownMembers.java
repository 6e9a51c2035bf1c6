package ai.spice.cloud.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a model the client decoded could not hold, by JSON member name, as sent: members it has no field for
 * (added to the API later), and enum members whose value the enum does not list (the getter returns
 * {@code UNKNOWN_DEFAULT_OPEN_API}; {@code UnknownMembers.of(regenerated).get("regenerated_key")} is the 3
 * sent). The trade-off: generated models have such a field only where the spec declares
 * {@code additionalProperties}, enums a constant per listed value, so the values live beside the model while it
 * is reachable, as plain Java JSON values (String, Integer, Long, Double, Boolean, List, Map, null), never
 * shown by {@code toString()}.
 */
public final class UnknownMembers {

  private static final String UNKNOWN_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API"; // the generator's, see client/pom.xml
  private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
  private static final Map<Key, Map<String, Object>> BY_MODEL = new ConcurrentHashMap<>();

  private UnknownMembers() {}

  /**
   * @param model a model the client decoded, or one nested in it
   * @return the members it could not hold; else empty
   */
  public static Map<String, Object> of(Object model) {
    Map<String, Object> members = BY_MODEL.get(new Key(model, null));
    return members == null ? Map.of() : Collections.unmodifiableMap(members);
  }

  private static void keep(Object model, String name, Object value) {
    for (Reference<?> gone; (gone = COLLECTED.poll()) != null; ) {
      BY_MODEL.remove(gone);
    }
    BY_MODEL.computeIfAbsent(new Key(model, COLLECTED), k -> Collections.synchronizedMap(new LinkedHashMap<>()))
        .put(name, value);
  }

  /** Models are mutable and compare by value, so they are keyed by identity, and weakly. */
  private static final class Key extends WeakReference<Object> {
    private final int hash;

    Key(Object model, ReferenceQueue<Object> queue) {
      super(model, queue);
      this.hash = System.identityHashCode(model);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof Key && get() != null && ((Key) other).get() == get();
    }
  }

  /** Jackson: a member the model has no property for is kept here instead of dropped. */
  static final class Members extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
        JsonDeserializer<?> deserializer, Object model, String name) throws IOException {
      Object value = context.readValue(parser, Object.class);
      if (!(model instanceof Class)) {
        keep(model, name, value);
      }
      return true;
    }
  }

  /** Jackson: an enum property whose value decodes to the unknown constant keeps the value it was sent. */
  static final class EnumValues extends BeanDeserializerModifier {
    @Override
    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
        BeanDeserializerBuilder builder) {
      List<SettableBeanProperty> wrapped = new ArrayList<>();
      builder.getProperties().forEachRemaining(property -> {
        Object unknown = unknownConstant(property.getType().getRawClass());
        if (unknown != null) {
          wrapped.add(new KeepsSentValue(property, unknown));
        }
      });
      wrapped.forEach(property -> builder.addOrReplaceProperty(property, true));
      return builder;
    }

    private static Object unknownConstant(Class<?> type) {
      return !type.isEnum() ? null : Arrays.stream(type.getEnumConstants())
          .filter(constant -> ((Enum<?>) constant).name().equals(UNKNOWN_CONSTANT)).findFirst().orElse(null);
    }
  }

  private static final class KeepsSentValue extends SettableBeanProperty.Delegating {
    private final Object unknown;

    KeepsSentValue(SettableBeanProperty delegate, Object unknown) {
      super(delegate);
      this.unknown = unknown;
    }

    @Override
    protected SettableBeanProperty withDelegate(SettableBeanProperty delegate) {
      return new KeepsSentValue(delegate, unknown);
    }

    @Override
    public void deserializeAndSet(JsonParser parser, DeserializationContext context, Object model)
        throws IOException {
      Object value = delegate.deserialize(parser, context);
      delegate.set(model, value);
      if (value == unknown) { // the parser still stands on the scalar it decoded
        keep(model, getName(), parser.currentToken().isNumeric() ? parser.getNumberValue() : parser.getText());
      }
    }
  }
}
