package ai.spice.cloud.client;

import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import okhttp3.Response;

/**
 * How the client's mapping reads a response into {@link SpiceCloudModel}s without failing on what it cannot
 * hold. A member without a field is kept in the model (a problem handler, so a model the spec gives its own
 * {@code additionalProperties} any-setter still gets its members there); every property of a model is read
 * through {@link Tolerant}, which keeps the value sent when an enum does not list it, and when the value does
 * not read as the property's type (wrong JSON type, bad format, out of range) skips it, leaves the field
 * unset and records where it was, so only that field's getter fails. Broken JSON still fails the call.
 *
 * <p>Models decode into the plain generated classes, so a decoded model equals one a caller builds with the
 * same fields; the plain getters cannot throw, so a model left holding a malformed value is replaced, when
 * complete and before it is set into its parent or returned, by its checking copy ({@link Checking}). Doing
 * it for the rare model that needs it keeps the decoded subclasses unloaded otherwise.
 */
final class Tolerance {

  private static final String UNKNOWN_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API"; // the generator's, see generator.yaml

  private Tolerance() {}

  /**
   * One response being decoded: what a field's error names, and the body, read again (once) only for a
   * malformed value that was partly consumed when it failed. {@link Decoder} sets it as the current value of
   * the parser's root context, a slot the models' deserializers leave alone (they set their own objects'), so
   * the call allocates no per-call reader for it. Only a model holding a malformed value keeps it (and so the
   * body, at most the size cap) reachable.
   */
  static final class Source {
    private final CallContext call;
    private final int status;
    private final byte[] body;
    private JsonNode tree;

    Source(CallContext call, Response response, byte[] body) {
      this.call = call;
      this.status = response.code();
      this.body = body;
    }

    synchronized Object valueAt(String pointer) {
      try {
        tree = tree != null ? tree : Models.MAPPER.readTree(body);
        JsonNode node = tree.at(pointer);
        return node.isMissingNode() ? null : Models.MAPPER.treeToValue(node, Object.class);
      } catch (IOException e) { // it parsed once, so this does not happen
        return null;
      }
    }
  }

  /**
   * A known member whose value did not read as its type: where, what was expected and what came (the JSON
   * type only), and the value, {@code kept} as sent or read again from the {@code source} when asked.
   */
  record Malformed(String model, String member, String pointer, String expected, String sent, Source source,
      boolean kept, Object value) {

    @Override
    public String toString() { // never the value
      return model + "." + member + " at " + pointer;
    }

    /** What was sent, as plain Java JSON values; null if it could not be kept (decoded outside a call). */
    @Override
    public Object value() {
      return kept ? value : source == null ? null : source.valueAt(pointer);
    }

    /** A new exception each time: thrown from a getter, its stack trace should show that getter. */
    SpiceCloudInvalidResponseException exception() {
      String where = source == null ? "" : " in the response to " + source.call.operation.name + " ("
          + source.call.request.method() + " " + source.call.request.url().encodedPath() + ", HTTP "
          + source.status + ")";
      String excerpt;
      if (Redactor.isSecretName(member)) {
        excerpt = Redactor.MASK;
      } else {
        try {
          excerpt = Redactor.excerpt(Models.MAPPER.writeValueAsBytes(value()), Decoder.EXCERPT_CHARS,
              source == null ? null : source.call.token);
        } catch (JsonProcessingException e) {
          excerpt = "";
        }
      }
      return new SpiceCloudInvalidResponseException("Malformed value of " + model + "." + member + " at "
          + pointer + where + ": expected " + expected + ", got " + sent + " (other fields read normally; "
          + "_unknown(\"" + member + "\") returns what was sent)", source == null ? 0 : source.status, excerpt,
          pointer);
    }
  }

  /** Jackson: a member the model has no property for is kept in it instead of dropped. */
  static final class Members extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
        JsonDeserializer<?> deserializer, Object model, String name) throws IOException {
      Object value = context.readValue(parser, Object.class);
      if (model instanceof SpiceCloudModel m) {
        SpiceCloudModel.keepMember(m, name, value);
      }
      return true;
    }
  }

  /**
   * Jackson: every property of a model is read through {@link Tolerant}, and a plain model is decoded through
   * {@link Checking}.
   */
  static final class Properties extends BeanDeserializerModifier {
    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
        JsonDeserializer<?> deserializer) {
      Class<?> type = description.getBeanClass();
      return SpiceCloudModel.class.isAssignableFrom(type) && type.getEnclosingClass() != DecodedModels.class
          ? new Checking(deserializer) : deserializer;
    }

    @Override
    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
        BeanDeserializerBuilder builder) {
      if (!SpiceCloudModel.class.isAssignableFrom(description.getBeanClass())) {
        return builder;
      }
      List<SettableBeanProperty> wrapped = new ArrayList<>();
      Class<?> type = description.getBeanClass();
      String model = (type.getEnclosingClass() == DecodedModels.class ? type.getSuperclass() : type)
          .getSimpleName();
      builder.getProperties().forEachRemaining(property -> wrapped.add(new Tolerant(property,
          unknownConstant(property.getType().getRawClass()), model)));
      wrapped.forEach(property -> builder.addOrReplaceProperty(property, true));
      return builder;
    }

    private static Object unknownConstant(Class<?> type) {
      return !type.isEnum() ? null : Arrays.stream(type.getEnumConstants())
          .filter(constant -> ((Enum<?>) constant).name().equals(UNKNOWN_CONSTANT)).findFirst().orElse(null);
    }
  }

  /** A plain model, or its checking copy when a known member of it came malformed. */
  private static final class Checking extends DelegatingDeserializer {
    Checking(JsonDeserializer<?> plain) {
      super(plain);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> plain) {
      return new Checking(plain);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return checking(_delegatee.deserialize(parser, context));
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types)
        throws IOException {
      return checking(_delegatee.deserializeWithType(parser, context, types));
    }

    private static Object checking(Object model) {
      return model instanceof SpiceCloudModel m && SpiceCloudModel.hasMalformed(m) ? DecodedModels.checking(model)
          : model;
    }
  }

  private static final class Tolerant extends SettableBeanProperty.Delegating {
    private final Object unknown;
    private final String model;

    Tolerant(SettableBeanProperty delegate, Object unknown, String model) {
      super(delegate);
      this.unknown = unknown;
      this.model = model;
    }

    @Override
    protected SettableBeanProperty withDelegate(SettableBeanProperty delegate) {
      return new Tolerant(delegate, unknown, model);
    }

    @Override
    public void deserializeAndSet(JsonParser parser, DeserializationContext context, Object bean)
        throws IOException {
      JsonToken first = parser.currentToken();
      // The object this member is in; a value that opens an object or array already stands in its own.
      JsonStreamContext in = first.isStructStart() ? parser.getParsingContext().getParent()
          : parser.getParsingContext();
      Object value;
      try {
        value = delegate.deserialize(parser, context);
      } catch (MismatchedInputException | InputCoercionException wrongTypeOrRange) {
        malformed(parser, context, (SpiceCloudModel) bean, first, in);
        return;
      }
      delegate.set(bean, value);
      if (value == unknown && value != null) { // the parser still stands on the scalar it decoded
        SpiceCloudModel.keepValue((SpiceCloudModel) bean, getName(),
            parser.currentToken().isNumeric() ? parser.getNumberValue() : parser.getText());
      }
    }

    @Override
    public Object deserializeSetAndReturn(JsonParser parser, DeserializationContext context, Object bean)
        throws IOException {
      deserializeAndSet(parser, context, bean);
      return bean;
    }

    /** Keeps the value as sent if the failure left it unread, else skips the rest of it; one pass either way. */
    private void malformed(JsonParser parser, DeserializationContext context, SpiceCloudModel bean,
        JsonToken first, JsonStreamContext in) throws IOException {
      boolean unread = parser.currentToken() == first
          && (first.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext()) == in;
      Object value = unread ? context.readValue(parser, Object.class) : null;
      while (parser.getParsingContext() != in) {
        if (parser.nextToken() == null) { // the parser reports a body that ends early itself; this is a guard
          throw context.wrongTokenException(parser, getType(), JsonToken.END_OBJECT, "body ends in " + getName());
        }
      }
      List<SpiceCloudModel> enclosing = new ArrayList<>(); // this model and every model around it
      Source source = null;
      for (JsonStreamContext c = in; c != null; c = c.getParent()) {
        if (c.getCurrentValue() instanceof SpiceCloudModel around) {
          enclosing.add(around);
        } else if (c.getCurrentValue() instanceof Source s) {
          source = s;
        }
      }
      Malformed problem = new Malformed(model, getName(), in.pathAsPointer().toString(),
          getType().getRawClass().getSimpleName(), describe(first), source, unread, value);
      SpiceCloudModel.keepValue(bean, getName(), problem);
      enclosing.forEach(around -> SpiceCloudModel.keepProblem(around, problem)); // for their validate()
    }

    private static String describe(JsonToken token) {
      return switch (token) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> "a string";
        case VALUE_NUMBER_INT -> "an integer";
        case VALUE_NUMBER_FLOAT -> "a number";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case VALUE_NULL -> "null";
        default -> token.name().toLowerCase(Locale.ROOT);
      };
    }
  }
}
