package ai.spice.cloud.bench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An OpenAPI document grown n times: its paths, webhooks and components once as written and n - 1 more times
 * under other names (copy k serves {@code /copyk/...}, names its operations and components with the suffix k and
 * refers to its own components), so the comparison has n times the work and every edit is found n times. Security
 * schemes and tags are shared, as in a larger API.
 */
final class ScaledDocument {
  private static final String COMPONENTS = "#/components/";
  private static final String SECURITY_SCHEMES = "securitySchemes";

  private ScaledDocument() {}

  static ObjectNode copies(ObjectNode document, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("copies: " + n);
    }
    ObjectNode result = document.deepCopy();
    for (int k = 2; k <= n; k++) {
      String suffix = Integer.toString(k);
      ObjectNode copy = document.deepCopy();
      rename(copy, suffix);
      append(copy, result, "paths", path -> "/copy" + suffix + path);
      append(copy, result, "webhooks", name -> name + suffix);
      if (copy.get("components") instanceof ObjectNode components) {
        for (String section : List.of("schemas", "parameters", "responses", "requestBodies", "headers", "examples",
            "links", "callbacks", "pathItems")) {
          append(components, (ObjectNode) result.get("components"), section, name -> name + suffix);
        }
      }
    }
    return result;
  }

  /** Points every component reference (security schemes aside) and operationId at the copy's own. */
  private static void rename(JsonNode node, String suffix) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(COMPONENTS)
          && !ref.asText().startsWith(COMPONENTS + SECURITY_SCHEMES + "/")) {
        object.put("$ref", ref.asText() + suffix);
      }
      JsonNode id = object.get("operationId");
      if (id != null && id.isTextual()) {
        object.put("operationId", id.asText() + suffix);
      }
    }
    node.forEach(child -> rename(child, suffix));
  }

  private static void append(ObjectNode from, ObjectNode into, String field, UnaryOperator<String> name) {
    JsonNode entries = from.path(field);
    if (!entries.isObject() || entries.isEmpty()) {
      return;
    }
    ObjectNode target = into.has(field) ? (ObjectNode) into.get(field) : into.putObject(field);
    entries.fields().forEachRemaining(e -> target.set(name.apply(e.getKey()), e.getValue()));
  }
}
