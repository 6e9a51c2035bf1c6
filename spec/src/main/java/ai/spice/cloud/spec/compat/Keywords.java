package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Collector.BASELINE;
import static ai.spice.cloud.spec.compat.Collector.CURRENT;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

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
      "contentMediaType", "contentEncoding", "contentSchema", "discriminator",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
      "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
      // Containers: what they hold is compared where a $ref uses it.
      "$defs", "definitions");
  /**
   * Mean the same in any schema object: no other keyword of the object changes what they do, and they change what
   * no other does (unlike additionalProperties, items, contains, then, discriminator...). So one written beside
   * {@code allOf: [X]} means the same added to X (when X lacks it).
   */
  static final Set<String> STANDALONE = Set.of(
      "type", "enum", "const", "format", "default", "readOnly", "writeOnly", "required", "not",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern",
      "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "dependentRequired");
  /** Say nothing about which values are valid (JSON Schema 2020-12 section 9, OpenAPI 3.1 section 4.8.24). */
  static final Set<String> ANNOTATIONS = Set.of(
      "title", "description", "examples", "example", "$comment", "deprecated", "externalDocs", "xml");

  private Keywords() {}

  /**
   * Says nothing the comparison reads: an annotation, or an extension other than {@code x-extensible-enum} (whose
   * values it reads as an open enum's).
   */
  static boolean annotation(String keyword) {
    return ANNOTATIONS.contains(keyword) || keyword.startsWith("x-") && !keyword.equals("x-extensible-enum");
  }

  static boolean ignorable(String keyword) {
    return COMPARED.contains(keyword) || ANNOTATIONS.contains(keyword) || keyword.startsWith("x-");
  }

  static void unsupported(JsonNode old, JsonNode cur, String oldPtr, String newPtr, String op, Collector out) {
    changed(old, cur, k -> !ignorable(k), "", oldPtr, newPtr, op, out);
  }

  /**
   * Keywords written beside a $ref apply together with the referenced schema (2020-12), but the comparison
   * follows the $ref: a changed sibling is reported rather than lost. readOnly and writeOnly there are read
   * where properties are compared.
   */
  static void besideRef(JsonNode old, JsonNode cur, String oldPtr, String newPtr, String op, Collector out) {
    changed(old, cur, k -> !Set.of("$ref", "readOnly", "writeOnly").contains(k) && !ANNOTATIONS.contains(k)
        && !k.startsWith("x-"), " beside a $ref (only the referenced schema is compared)", oldPtr, newPtr, op, out);
  }

  private static void changed(JsonNode old, JsonNode cur, Predicate<String> reported, String where, String oldPtr,
      String newPtr, String op, Collector out) {
    Set<String> names = new LinkedHashSet<>();
    old.fieldNames().forEachRemaining(names::add);
    cur.fieldNames().forEachRemaining(names::add);
    for (String k : names) {
      JsonNode a = old.get(k);
      JsonNode b = cur.get(k);
      if (reported.test(k) && !Objects.equals(a, b)) {
        out.breaking(Rule.UNSUPPORTED_KEYWORD_CHANGED, b != null ? CURRENT : BASELINE,
            (b != null ? newPtr : oldPtr) + "/" + OpenApiDocs.escape(k),
            "schema keyword " + k + where + " changed from " + brief(a) + " to " + brief(b), op);
      }
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
