package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Collector.BASELINE;
import static ai.spice.cloud.spec.compat.Collector.CURRENT;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Set;

/**
 * Which schema keywords the comparison understands. A keyword outside this list that changes is a finding of
 * its own: the gate cannot say what it means for consumers, and silence would pass whatever it does.
 */
final class Keywords {
  /** Compared by {@link SchemaComparator}, {@link Constraints} and {@link Applicators}. */
  static final Set<String> COMPARED = Set.of(
      "type", "format", "enum", "const", "default", "required", "properties", "readOnly", "writeOnly",
      "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
      "items", "prefixItems", "contains", "minContains", "maxContains", "additionalProperties", "propertyNames",
      "patternProperties", "dependentRequired", "dependentSchemas", "unevaluatedItems", "unevaluatedProperties",
      "contentMediaType", "contentEncoding", "contentSchema",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
      "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
      // Containers: what they hold is compared where a $ref uses it.
      "$defs", "definitions");
  /** Say nothing about which values are valid (JSON Schema 2020-12 section 9, OpenAPI 3.1 section 4.8.24). */
  static final Set<String> ANNOTATIONS = Set.of(
      "title", "description", "examples", "example", "$comment", "deprecated", "externalDocs", "xml");

  private Keywords() {}

  static boolean ignorable(String keyword) {
    return COMPARED.contains(keyword) || ANNOTATIONS.contains(keyword) || keyword.startsWith("x-");
  }

  static void unsupported(JsonNode old, JsonNode cur, String oldPtr, String newPtr, String op, Collector out) {
    old.fieldNames().forEachRemaining(k -> check(k, old, cur, oldPtr, newPtr, op, out));
    cur.fieldNames().forEachRemaining(k -> {
      if (!old.has(k)) {
        check(k, old, cur, oldPtr, newPtr, op, out);
      }
    });
  }

  private static void check(String k, JsonNode old, JsonNode cur, String oldPtr, String newPtr, String op,
      Collector out) {
    JsonNode a = old.get(k);
    JsonNode b = cur.get(k);
    if (!ignorable(k) && !Objects.equals(a, b)) {
      out.breaking(Rule.UNSUPPORTED_KEYWORD_CHANGED, b != null ? CURRENT : BASELINE,
          (b != null ? newPtr : oldPtr) + "/" + OpenApiDocs.escape(k),
          "schema keyword " + k + " changed from " + brief(a) + " to " + brief(b), op);
    }
  }

  /** A value short enough for a finding's one line. */
  static String brief(JsonNode value) {
    if (value == null) {
      return "(none)";
    }
    String text = value.toString();
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
