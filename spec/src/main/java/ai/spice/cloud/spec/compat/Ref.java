package ai.spice.cloud.spec.compat;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
   * A schema as it validates: through $ref, and through an {@code allOf} of one member X. With nothing but
   * annotations beside it, it accepts exactly what X accepts (JSON Schema 2020-12, 10.2.1.1), so {@code X}
   * rewritten as {@code allOf: [X]} (the usual way to put a description beside a reference) compares as X itself.
   * With keywords beside it (a {@code default}, a bound), it is X with those keywords added, when each is one X
   * lacks and means the same in X's schema object (see {@link Keywords#STANDALONE}): the merged schema keeps the
   * wrapper's place, where those keywords are written. Otherwise (X has the keyword too: an intersection no single
   * keyword states) it stays an allOf, compared member by member.
   */
  static Ref schema(JsonNode doc, JsonNode node, String pointer) {
    Ref r = of(doc, node, pointer);
    for (int hops = 0; hops < MAX_HOPS; hops++) {
      JsonNode allOf = r.node().get("allOf");
      if (allOf == null || !allOf.isArray() || allOf.size() != 1) {
        break;
      }
      Ref member = of(doc, allOf.get(0), r.pointer() + "/allOf/0");
      if (annotationsBeside(r.node())) {
        r = member;
        continue;
      }
      JsonNode merged = withKeywordsBeside(member.node(), r.node());
      if (merged == null) {
        break;
      }
      r = new Ref(merged, r.pointer());
    }
    return r;
  }

  private static boolean annotationsBeside(JsonNode wrapper) {
    for (var names = wrapper.fieldNames(); names.hasNext(); ) {
      String k = names.next();
      if (!k.equals("allOf") && !Keywords.annotation(k)) {
        return false;
      }
    }
    return true;
  }

  /** The member with the wrapper's keywords added (annotations left out); null when they cannot simply be added. */
  private static JsonNode withKeywordsBeside(JsonNode member, JsonNode wrapper) {
    if (!member.isObject() || member.has("$ref")) {
      return null; // a boolean schema, or a reference that does not resolve
    }
    // Only top-level keywords are added, so a shallow copy will do: the member's subschemas are shared, not copied
    // again at every wrap the comparison passes through.
    ObjectNode merged = JsonNodeFactory.instance.objectNode().setAll((ObjectNode) member);
    for (var fields = wrapper.fields(); fields.hasNext(); ) {
      var f = fields.next();
      String k = f.getKey();
      if (k.equals("allOf") || Keywords.annotation(k)) {
        continue;
      }
      if (!Keywords.STANDALONE.contains(k) || member.has(k)) {
        return null;
      }
      merged.set(k, f.getValue());
    }
    return merged;
  }
}
