package ai.spice.cloud.spec.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A fixed member order for the merged document, so its diffs show changes and not reshuffles. */
final class Canonical {
  private static final List<String> TOP = List.of(
      "openapi", "info", "jsonSchemaDialect", "servers", "security", "tags", "paths", "webhooks", "components");
  private static final List<String> PATH_ITEM = List.of(
      "summary", "description", "servers", "parameters",
      "get", "put", "post", "delete", "options", "head", "patch", "trace");

  private Canonical() {}

  static ObjectNode order(ObjectNode document) {
    ObjectNode ordered = byPreference(document, TOP);
    JsonNode paths = ordered.get("paths");
    if (paths instanceof ObjectNode p) {
      ObjectNode sorted = sortedByName(p);
      sorted.fields().forEachRemaining(e -> sorted.set(e.getKey(), byPreference((ObjectNode) e.getValue(), PATH_ITEM)));
      ordered.set("paths", sorted);
    }
    JsonNode components = ordered.get("components");
    if (components instanceof ObjectNode c) {
      ObjectNode sorted = sortedByName(c);
      sorted.fields().forEachRemaining(e -> {
        if (e.getValue() instanceof ObjectNode section) {
          sorted.set(e.getKey(), sortedByName(section));
        }
      });
      ordered.set("components", sorted);
    }
    return ordered;
  }

  /** The preferred keys first, in that order, then the rest as they came. */
  private static ObjectNode byPreference(ObjectNode node, List<String> preferred) {
    ObjectNode out = node.objectNode();
    for (String key : preferred) {
      if (node.has(key)) {
        out.set(key, node.get(key));
      }
    }
    node.fields().forEachRemaining(e -> {
      if (!out.has(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  private static ObjectNode sortedByName(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    ObjectNode out = node.objectNode();
    names.forEach(n -> out.set(n, node.get(n)));
    return out;
  }
}
