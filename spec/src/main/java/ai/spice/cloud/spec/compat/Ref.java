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

  /**
   * A schema as it validates: through $ref, and through an {@code allOf} of one member with nothing but annotations
   * beside it, which accepts exactly what its member accepts (JSON Schema 2020-12, 10.2.1.1). So {@code X} rewritten
   * as {@code allOf: [X]} (the usual way to put a description beside a reference) compares as X itself.
   */
  static Ref schema(JsonNode doc, JsonNode node, String pointer) {
    Ref r = of(doc, node, pointer);
    for (int hops = 0; hops < MAX_HOPS && wrapsOne(r.node()); hops++) {
      r = of(doc, r.node().get("allOf").get(0), r.pointer() + "/allOf/0");
    }
    return r;
  }

  private static boolean wrapsOne(JsonNode schema) {
    JsonNode allOf = schema.get("allOf");
    if (allOf == null || !allOf.isArray() || allOf.size() != 1) {
      return false;
    }
    for (var names = schema.fieldNames(); names.hasNext(); ) {
      String k = names.next();
      if (!k.equals("allOf") && !Keywords.annotation(k)) {
        return false;
      }
    }
    return true;
  }
}
