package ai.spice.cloud.spec.compat;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A node and the JSON pointer where an author finds it: after a $ref, the component it names. */
record Ref(JsonNode node, String pointer) {
  private static final int MAX_HOPS = 64;

  /** Follows local $ref chains (bounded, so a reference cycle ends). */
  static Ref of(JsonNode doc, JsonNode node, String pointer) {
    int hops = 0;
    while (node != null && node.has("$ref") && hops++ < MAX_HOPS) {
      String ref = node.get("$ref").asText();
      JsonNode target = OpenApiDocs.resolve(doc, ref);
      if (target == null) {
        break;
      }
      pointer = ref.substring(1);
      node = target;
    }
    return new Ref(node == null ? MissingNode.getInstance() : node, pointer);
  }
}
