package ai.spice.cloud.spec.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Rewrites OpenAPI 3.0 constructs that 3.1 no longer has into their 3.1 (JSON Schema 2020-12) form, and
 * lists every rewrite it makes. Today that is {@code nullable}: removed in 3.1, where tools either
 * ignore it (so {@code null} becomes invalid) or reject it; the 3.1 spelling is a type array with "null".
 */
public final class Normalizer31 {
  private final List<String> applied = new ArrayList<>();

  /** Normalizes {@code document} in place and returns one line per rewrite. */
  public static List<String> normalize(ObjectNode document) {
    Normalizer31 normalizer = new Normalizer31();
    forEachSchema(document, normalizer::normalizeSchema);
    return normalizer.applied;
  }

  private void normalizeSchema(ObjectNode schema, String pointer) {
    JsonNode nullable = schema.get("nullable");
    if (nullable == null) {
      return;
    }
    if (!nullable.isBoolean()) {
      throw new SpecException(pointer + "/nullable must be a boolean");
    }
    schema.remove("nullable");
    if (!nullable.booleanValue()) {
      applied.add(pointer + ": removed \"nullable: false\" (the 3.1 default)");
      return;
    }
    JsonNode type = schema.get("type");
    if (type == null || type.isNull()) {
      throw new SpecException(pointer + ": \"nullable: true\" without a type cannot be normalized");
    }
    ArrayNode types = type.isArray() ? (ArrayNode) type : schema.arrayNode().add(type);
    boolean hasNull = false;
    for (JsonNode t : types) {
      hasNull |= t.asText().equals("null");
    }
    if (!hasNull) {
      types.add("null");
    }
    schema.set("type", types);
    String rewrite = pointer + ": \"nullable: true\" -> \"type\": " + types;
    JsonNode enumNode = schema.get("enum");
    if (enumNode != null && enumNode.isArray() && !containsNull(enumNode)) {
      ((ArrayNode) enumNode).addNull();
      rewrite += " and null added to \"enum\"";
    }
    applied.add(rewrite);
  }

  private static boolean containsNull(JsonNode array) {
    for (JsonNode value : array) {
      if (value.isNull()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Visits every schema object in an OpenAPI 3.1 document with its JSON pointer: component schemas,
   * parameter, header, request and response schemas, and every subschema inside them. Property names are
   * never mistaken for keywords.
   */
  public static void forEachSchema(ObjectNode document, BiConsumer<ObjectNode, String> visitor) {
    JsonNode components = document.path("components");
    components.path("schemas").fields().forEachRemaining(e ->
        walkSchema(e.getValue(), "/components/schemas/" + FragmentMerger.escape(e.getKey()), visitor));
    components.path("parameters").fields().forEachRemaining(e ->
        walkHolder(e.getValue(), "/components/parameters/" + FragmentMerger.escape(e.getKey()), visitor));
    components.path("headers").fields().forEachRemaining(e ->
        walkHolder(e.getValue(), "/components/headers/" + FragmentMerger.escape(e.getKey()), visitor));
    components.path("requestBodies").fields().forEachRemaining(e ->
        walkHolder(e.getValue(), "/components/requestBodies/" + FragmentMerger.escape(e.getKey()), visitor));
    components.path("responses").fields().forEachRemaining(e ->
        walkResponse(e.getValue(), "/components/responses/" + FragmentMerger.escape(e.getKey()), visitor));
    document.path("paths").fields().forEachRemaining(path -> {
      String pathPointer = "/paths/" + FragmentMerger.escape(path.getKey());
      path.getValue().fields().forEachRemaining(member -> {
        String pointer = pathPointer + "/" + member.getKey();
        if (member.getKey().equals("parameters")) {
          walkParameters(member.getValue(), pointer, visitor);
        } else if (member.getValue().isObject()) {
          JsonNode operation = member.getValue();
          walkParameters(operation.path("parameters"), pointer + "/parameters", visitor);
          walkHolder(operation.path("requestBody"), pointer + "/requestBody", visitor);
          operation.path("responses").fields().forEachRemaining(r ->
              walkResponse(r.getValue(), pointer + "/responses/" + r.getKey(), visitor));
        }
      });
    });
  }

  private static void walkParameters(JsonNode parameters, String pointer, BiConsumer<ObjectNode, String> visitor) {
    for (int i = 0; i < parameters.size(); i++) {
      walkHolder(parameters.get(i), pointer + "/" + i, visitor);
    }
  }

  private static void walkResponse(JsonNode response, String pointer, BiConsumer<ObjectNode, String> visitor) {
    walkHolder(response, pointer, visitor);
    response.path("headers").fields().forEachRemaining(h ->
        walkHolder(h.getValue(), pointer + "/headers/" + FragmentMerger.escape(h.getKey()), visitor));
  }

  /** A parameter, header, request body or response: a schema, or content of media types with schemas. */
  private static void walkHolder(JsonNode holder, String pointer, BiConsumer<ObjectNode, String> visitor) {
    walkSchema(holder.path("schema"), pointer + "/schema", visitor);
    holder.path("content").fields().forEachRemaining(media -> walkSchema(media.getValue().path("schema"),
        pointer + "/content/" + FragmentMerger.escape(media.getKey()) + "/schema", visitor));
  }

  private static final List<String> SUBSCHEMA = List.of(
      "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
      "unevaluatedItems", "unevaluatedProperties");
  private static final List<String> SUBSCHEMA_ARRAYS = List.of("allOf", "anyOf", "oneOf", "prefixItems");
  private static final List<String> SUBSCHEMA_MAPS = List.of(
      "properties", "patternProperties", "$defs", "dependentSchemas");

  private static void walkSchema(JsonNode node, String pointer, BiConsumer<ObjectNode, String> visitor) {
    if (!node.isObject()) {
      return;
    }
    ObjectNode schema = (ObjectNode) node;
    visitor.accept(schema, pointer);
    for (String key : SUBSCHEMA) {
      walkSchema(schema.path(key), pointer + "/" + key, visitor);
    }
    for (String key : SUBSCHEMA_ARRAYS) {
      JsonNode array = schema.path(key);
      for (int i = 0; i < array.size(); i++) {
        walkSchema(array.get(i), pointer + "/" + key + "/" + i, visitor);
      }
    }
    for (String key : SUBSCHEMA_MAPS) {
      for (Map.Entry<String, JsonNode> e : iterable(schema.path(key))) {
        walkSchema(e.getValue(), pointer + "/" + key + "/" + FragmentMerger.escape(e.getKey()), visitor);
      }
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
