package ai.spice.cloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.testing.CapturedLogs;
import ai.spice.cloud.client.testing.GeneratedTypes;
import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For every operation of the merged document (read at test time, so a new operation or field is fuzzed as soon
 * as the spec has it), generates a schema-valid response, adds members no page can publish and gives one field
 * a value of the wrong type or format, serves it from a loopback server and checks: the call returns the model;
 * every other field reads as sent; the extra members are in the models they were sent in; the bad field's
 * getter and {@code validate()} throw naming the member, the operation and the pointer; and no secret shows in
 * {@code toString()}, the exception or the logs.
 */
class EveryOperationDecodingFuzzTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String UNKNOWN = "x_spice_test_unknown_";
  private static final ObjectNode DOCUMENT = OpenApiDocs.current();
  private static final List<Op> OPERATIONS = operations(DOCUMENT);

  private static MockWebServer server;
  private static volatile MockResponse answer;

  /** An operation of the document with a JSON success response, and the client method that calls it. */
  record Op(String id, String method, String path, int status, JsonNode schema) {
    @Override
    public String toString() {
      return id;
    }
  }

  /** What one generated response holds, for the checks. */
  private static final class Expected {
    final List<String[]> leaves = new ArrayList<>(); // pointer, JSON of the value as sent
    final List<String[]> extras = new ArrayList<>(); // pointer of the model, member, JSON of its value
    final List<String> secrets = new ArrayList<>();
    final List<String> properties = new ArrayList<>(); // pointers of every member of a model that was sent
  }

  @BeforeContainer
  static void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer;
      }
    });
    server.start();
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Example
  void theDocumentHasOperationsToFuzz() {
    assertThat(OPERATIONS).isNotEmpty();
  }

  @Provide
  Arbitrary<Op> operations() {
    return Arbitraries.of(OPERATIONS);
  }

  @Property(tries = 400)
  void oneMalformedFieldFailsOnlyItsGetterAndNothingSecretShows(@ForAll("operations") Op op, @ForAll long seed)
      throws Exception {
    Random random = new Random(seed);
    Expected expected = new Expected();
    JsonNode body = generate(random, op.schema(), "", null, expected);
    String bad = expected.properties.isEmpty() ? null
        : expected.properties.get(random.nextInt(expected.properties.size()));
    JsonNode wrong = null;
    if (bad != null) {
      JsonNode schema = schemaAt(op.schema(), bad);
      wrong = wrongValue(random, schema, last(bad), expected);
      JsonPointer at = JsonPointer.compile(bad);
      ((ObjectNode) body.at(at.head())).set(last(bad), wrong);
    }
    // What the run covered, printed with jqwik's report: a run that never malformed a type shows it.
    Statistics.label("operation").collect(op.id());
    Statistics.label("malformed").collect(bad == null ? "nothing (no member sent)"
        : mainType(schemaAt(op.schema(), bad)) + (isModel(schemaAt(op.schema(), bad)) ? " (model)" : "")
        + " given " + wrong.getNodeType());
    answer = new MockResponse.Builder().code(op.status()).addHeader("Content-Type", "application/json")
        .body(Models.MAPPER.writeValueAsString(body)).build();
    CapturedLogs.clear();

    Object result = call(op);

    assertThat(result).isNotNull();
    String finalBad = bad;
    for (String[] leaf : expected.leaves) {
      if (bad == null || !(leaf[0] + "/").startsWith(bad + "/")) {
        assertThat(json(read(result, leaf[0]))).as("%s of %s", leaf[0], op).isEqualTo(leaf[1]);
      }
    }
    for (String[] extra : expected.extras) {
      if (bad == null || !(extra[0] + "/").startsWith(bad + "/")) {
        SpiceCloudModel model = (SpiceCloudModel) read(result, extra[0]);
        assertThat(json(model._additionalProperties().get(extra[1]))).isEqualTo(extra[2]);
      }
    }
    List<String> shown = new ArrayList<>(List.of(result.toString()));
    if (bad != null) {
      SpiceCloudModel owner = (SpiceCloudModel) read(result, JsonPointer.compile(bad).head().toString());
      SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
          () -> read(result, finalBad));
      assertThat(e).as("the getter of %s in %s", bad, op).isNotNull();
      assertThat(e.pointer()).isEqualTo(bad);
      assertThat(e.getMessage()).contains("." + last(bad) + " at " + bad).contains("#" + op.id() + " (")
          .contains(op.method());
      assertThat(json(owner._unknown(last(bad)))).isEqualTo(json(wrong));
      SpiceCloudInvalidResponseException all = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
          ((SpiceCloudModel) result)::validate);
      assertThat(all.pointer()).isEqualTo(bad);
      shown.addAll(List.of(e.getMessage(), e.bodyExcerpt(), all.getMessage(), all.bodyExcerpt()));
    } else {
      ((SpiceCloudModel) result).validate();
    }
    shown.add(CapturedLogs.text());
    for (String secret : expected.secrets) {
      assertThat(shown).noneMatch(text -> text.contains(secret));
    }
  }

  // --- the document ---

  private static List<Op> operations(ObjectNode document) {
    List<Op> ops = new ArrayList<>();
    document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(m -> {
      if (!OpenApiDocs.METHOD_SET.contains(m.getKey())) {
        return;
      }
      m.getValue().path("responses").properties().forEach(r -> {
        JsonNode schema = r.getValue().at("/content/application~1json/schema");
        if (r.getKey().startsWith("2") && !schema.isMissingNode() && ops.stream()
            .noneMatch(o -> o.id().equals(m.getValue().path("operationId").asText()))) {
          ops.add(new Op(m.getValue().path("operationId").asText(), m.getKey().toUpperCase(Locale.ROOT),
              path.getKey(), Integer.parseInt(r.getKey()), schema));
        }
      });
    }));
    return ops;
  }

  private static JsonNode resolve(JsonNode schema) {
    return schema.has("$ref") ? resolve(OpenApiDocs.resolve(DOCUMENT, schema.get("$ref").asText())) : schema;
  }

  private static List<String> types(JsonNode schema) {
    JsonNode type = schema.path("type");
    return type.isArray() ? StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText).toList()
        : type.isMissingNode() ? List.of(schema.has("properties") ? "object" : "string") : List.of(type.asText());
  }

  private static String mainType(JsonNode schema) {
    return types(schema).stream().filter(t -> !t.equals("null")).findFirst().orElse("null");
  }

  /**
   * Whether a field of {@code declared} reads one declared shape, so that a value of another is malformed. A
   * union, or a schema that declares no type, reads as any JSON value (Object): nothing sent to it is malformed.
   */
  private static boolean oneShape(JsonNode declared) {
    JsonNode schema = resolve(declared);
    return !schema.has("oneOf") && !schema.has("anyOf") && (schema.has("type") || schema.has("properties")
        || schema.has("enum"));
  }

  /** A model: what the generator makes a class of (an object with declared properties). */
  private static boolean isModel(JsonNode schema) {
    return mainType(schema).equals("object") && schema.has("properties");
  }

  private static JsonNode schemaAt(JsonNode schema, String pointer) {
    JsonNode s = resolve(schema);
    for (String token : pointer.substring(1).split("/")) {
      String name = token.replace("~1", "/").replace("~0", "~");
      s = resolve(mainType(s).equals("array") ? s.path("items") : isModel(s) ? s.path("properties").path(name)
          : s.path("additionalProperties"));
    }
    return s;
  }

  // --- generating ---

  private static JsonNode generate(Random random, JsonNode declared, String pointer, String member,
      Expected expected) {
    JsonNode schema = resolve(declared);
    if (schema.has("oneOf") || schema.has("anyOf")) {
      // Sent as one of its alternatives. Read back whole where the alternative is no model: the field is then
      // Object, or a class the generator merged from object alternatives, which is not compared member by member.
      JsonNode alternatives = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
      JsonNode alternative = resolve(alternatives.get(random.nextInt(alternatives.size())));
      Expected scratch = new Expected();
      JsonNode value = generate(random, alternative, pointer, member, scratch);
      expected.secrets.addAll(scratch.secrets);
      if (!isModel(alternative)) {
        expected.leaves.add(new String[] {pointer, json(value)});
      }
      return value;
    }
    if (types(schema).contains("null") && random.nextInt(6) == 0) {
      expected.leaves.add(new String[] {pointer, "null"});
      return JSON.nullNode();
    }
    JsonNode value;
    if (isModel(schema)) {
      ObjectNode object = JSON.objectNode();
      schema.path("properties").properties().forEach(p -> {
        if (random.nextInt(5) > 0) {
          String at = pointer + "/" + OpenApiDocs.escape(p.getKey());
          if (oneShape(p.getValue())) {
            expected.properties.add(at);
          }
          object.set(p.getKey(), generate(random, p.getValue(), at, p.getKey(), expected));
        }
      });
      for (int i = random.nextInt(3); i > 0; i--) {
        JsonNode extra = random.nextBoolean() ? JSON.textNode("x" + random.nextInt())
            : JSON.objectNode().set("n", JSON.arrayNode().add(random.nextInt()).addNull());
        object.set(UNKNOWN + i, extra);
        expected.extras.add(new String[] {pointer, UNKNOWN + i, json(extra)});
      }
      return object;
    }
    String type = mainType(schema);
    if (type.equals("array") && isModel(resolve(schema.path("items")))) {
      ArrayNode array = JSON.arrayNode();
      for (int i = 0, n = random.nextInt(4); i < n; i++) {
        array.add(generate(random, schema.path("items"), pointer + "/" + i, null, expected));
      }
      return array;
    }
    value = leaf(random, schema, type, member, expected);
    expected.leaves.add(new String[] {pointer, json(value)});
    return value;
  }

  /** A value of a schema that is not a model or a list of models, as the generated field reads it. */
  private static JsonNode leaf(Random random, JsonNode schema, String type, String member, Expected expected) {
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size()));
    }
    switch (type) {
      case "integer":
        return schema.path("format").asText().equals("int64") ? JSON.numberNode(random.nextLong())
            : JSON.numberNode(random.nextInt());
      case "number":
        return JSON.numberNode(random.nextInt(1_000_000) / 8.0);
      case "boolean":
        return JSON.booleanNode(random.nextBoolean());
      case "array": {
        ArrayNode array = JSON.arrayNode();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
          array.add(leaf(random, resolve(schema.path("items")), mainType(resolve(schema.path("items"))), null,
              expected));
        }
        return array;
      }
      case "object": {
        ObjectNode map = JSON.objectNode();
        JsonNode values = resolve(schema.path("additionalProperties"));
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
          map.set("k" + i, leaf(random, values, mainType(values), null, expected));
        }
        return map;
      }
      default:
        return JSON.textNode(string(random, schema.path("format").asText(), member, expected));
    }
  }

  private static String string(Random random, String format, String member, Expected expected) {
    switch (format) {
      case "date-time":
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.of(2000 + random.nextInt(50),
            1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
            1 + random.nextInt(59), 0, ZoneOffset.ofHours(random.nextInt(25) - 12)));
      case "date":
        return LocalDate.of(2000 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
      // The other formats the generator maps to a type of their own (UUID, URI, byte[]): a field upstream adds
      // with one of them must get a value that type reads.
      case "uuid":
        return new UUID(random.nextLong(), random.nextLong()).toString();
      case "uri":
        return "https://example.com/" + Integer.toHexString(random.nextInt());
      case "byte":
        return Base64.getEncoder().encodeToString(Integer.toHexString(random.nextInt()).getBytes(
            StandardCharsets.US_ASCII));
      default:
        if (member != null && Redactor.isSecretName(member)) {
          String secret = secret(random);
          expected.secrets.add(secret);
          return secret;
        }
        return "v" + Integer.toHexString(random.nextInt());
    }
  }

  private static String secret(Random random) {
    StringBuilder s = new StringBuilder("sk-fuzz-");
    for (int i = 0; i < 20; i++) {
      s.append("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".charAt(random.nextInt(57)));
    }
    return s.toString();
  }

  /** A value no field of {@code schema} reads: a wrong JSON type, or text of the wrong format. */
  private static JsonNode wrongValue(Random random, JsonNode schema, String member, Expected expected) {
    if (Redactor.isSecretName(member)) { // a secret sent in the wrong shape must not show either
      String secret = secret(random);
      expected.secrets.add(secret);
      return JSON.arrayNode().add(secret);
    }
    String type = mainType(schema);
    String format = schema.path("format").asText();
    if (random.nextBoolean() && !schema.has("enum")) {
      if (format.equals("date-time")) {
        return JSON.textNode(random.nextBoolean() ? "2026-01-02" : "yesterday");
      }
      if (type.equals("integer") || type.equals("number") || type.equals("boolean")) {
        return JSON.textNode("not-a-" + type);
      }
    }
    return isModel(schema) ? JSON.arrayNode().add(1)
        : JSON.objectNode().set(UNKNOWN + "bad", JSON.arrayNode().add(1));
  }

  // --- reading the model back ---

  private static Object call(Op op) throws Exception {
    SpiceCloudClient client = SpiceCloudClient.builder().baseUrl(server.url("/").toString())
        .bearerToken(ServerTest.TOKEN).logLevel(LogLevel.FULL).build();
    for (Class<?> api : GeneratedTypes.apis()) {
      Method method = Arrays.stream(api.getMethods()).filter(m -> m.getName().equals(op.id()))
          .min(Comparator.comparingInt(Method::getParameterCount)).orElse(null);
      if (method != null) {
        Object[] args = Arrays.stream(method.getParameterTypes()).map(EveryOperationDecodingFuzzTest::argument)
            .toArray();
        try {
          return method.invoke(client.api(api), args);
        } catch (java.lang.reflect.InvocationTargetException e) {
          throw (Exception) e.getCause();
        }
      }
    }
    throw new AssertionError("no client method for operation " + op.id());
  }

  private static Object argument(Class<?> type) {
    if (type == Long.class || type == long.class) {
      return 1L;
    }
    if (type == Integer.class || type == int.class) {
      return 1;
    }
    return type == String.class ? "x" : null;
  }

  /** Follows {@code pointer} through getters (models) and indexes (lists); the getters may throw. */
  private static Object read(Object root, String pointer) {
    Object at = root;
    if (pointer.isEmpty()) {
      return at;
    }
    for (String token : pointer.substring(1).split("/")) {
      String name = token.replace("~1", "/").replace("~0", "~");
      if (at instanceof List<?> list) {
        at = list.get(Integer.parseInt(name));
      } else if (at instanceof java.util.Map<?, ?> map) {
        at = map.get(name);
      } else {
        at = getter(at.getClass(), name, at);
      }
    }
    return at;
  }

  private static Object getter(Class<?> type, String member, Object model) {
    for (Method m : type.getMethods()) {
      JsonProperty p = m.getAnnotation(JsonProperty.class);
      if (p != null && p.value().equals(member) && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
        try {
          return m.invoke(model);
        } catch (java.lang.reflect.InvocationTargetException e) {
          throw (RuntimeException) e.getCause();
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
      return getter(type.getSuperclass(), member, model);
    }
    throw new AssertionError("no getter for " + member + " in " + type);
  }

  private static String json(Object value) {
    try {
      return Models.MAPPER.writeValueAsString(value instanceof JsonNode node ? Models.MAPPER.treeToValue(node,
          Object.class) : value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String last(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }
}
