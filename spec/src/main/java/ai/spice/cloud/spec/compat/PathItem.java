package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.OpenApiDocs.escape;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A path item (of {@code paths}, {@code webhooks} or a callback) as it reads, and where each of its fields is
 * written. OpenAPI 3.1 lets a path item be a local {@code $ref} with fields beside it, which are merged with the
 * referenced ones, the behaviour on a conflict being undefined: here the field written beside the {@code $ref} wins
 * (as the fields beside a Reference Object override the referenced ones), and the referenced path item may itself
 * be a {@code $ref}. So a path item moved behind a reference compares as the one written inline.
 */
final class PathItem {
  private static final int MAX_HOPS = 64;

  private final JsonNode node;
  /** Where each field is written; a field not listed is under {@link #pointer}. */
  private final Map<String, String> fieldPointers;
  private final String pointer;

  private PathItem(JsonNode node, String pointer, Map<String, String> fieldPointers) {
    this.node = node;
    this.pointer = pointer;
    this.fieldPointers = fieldPointers;
  }

  static PathItem of(JsonNode doc, JsonNode raw, String pointer) {
    return of(doc, raw, pointer, 0);
  }

  private static PathItem of(JsonNode doc, JsonNode raw, String pointer, int hops) {
    JsonNode ref = raw == null ? null : raw.get("$ref");
    JsonNode target = ref != null && hops < MAX_HOPS ? OpenApiDocs.resolve(doc, ref.asText()) : null;
    if (target == null || !target.isObject()) {
      // Not a reference, or one that does not resolve locally (a cycle ends here too): read as written.
      return new PathItem(raw == null ? MissingNode.getInstance() : raw, pointer, Map.of());
    }
    PathItem inner = of(doc, target, ref.asText().substring(1), hops + 1);
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    Map<String, String> at = new HashMap<>();
    inner.node.fields().forEachRemaining(f -> {
      merged.set(f.getKey(), f.getValue());
      at.put(f.getKey(), inner.pointer(f.getKey()));
    });
    raw.fields().forEachRemaining(f -> {
      if (!f.getKey().equals("$ref")) {
        merged.set(f.getKey(), f.getValue());
        at.put(f.getKey(), pointer + "/" + escape(f.getKey()));
      }
    });
    return new PathItem(merged, pointer, at);
  }

  JsonNode node() {
    return node;
  }

  /** Where the path item is listed (its key in paths, webhooks or the callback). */
  String pointer() {
    return pointer;
  }

  /** Where one of its fields (an operation, its parameters) is written. */
  String pointer(String field) {
    return fieldPointers.getOrDefault(field, pointer + "/" + escape(field));
  }
}
