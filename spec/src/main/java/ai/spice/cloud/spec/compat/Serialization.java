package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Collector.CURRENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * How a parameter or header value is written on the wire (OpenAPI "style", "explode", "allowReserved",
 * "allowEmptyValue"), compared by effective value: an explicit default is no change. Clients serialize by
 * the baseline's rules and servers parse by the current ones (the reverse for response headers), so a changed
 * style breaks either way; explode changes nothing for a single primitive value (the style tables write
 * {@code color=blue} both ways), so there it is no finding. A parameter described by {@code content} has
 * neither.
 */
final class Serialization {
  private static final Set<String> PRIMITIVE = Set.of("string", "integer", "number", "boolean", "null");

  private Serialization() {}

  static void compare(JsonNode old, JsonNode oldSchema, JsonNode cur, JsonNode curSchema, String ptr, Direction dir,
      String label, String op, Collector out) {
    if (old.has("content") || cur.has("content")) {
      return;
    }
    String in = old.path("in").asText("header");
    String styleA = style(old, in);
    String styleB = style(cur, in);
    if (!styleA.equals(styleB)) {
      out.breaking(Rule.SERIALIZATION_CHANGED, CURRENT, ptr + (cur.has("style") ? "/style" : ""), label
          + ": style changed from " + styleA + " to " + styleB, op);
    } else if (explode(old, styleA) != explode(cur, styleB) && !(primitive(oldSchema) && primitive(curSchema))) {
      out.breaking(Rule.SERIALIZATION_CHANGED, CURRENT, ptr + (cur.has("explode") ? "/explode" : ""), label
          + ": explode changed from " + explode(old, styleA) + " to " + explode(cur, styleB), op);
    }
    if (dir.input()) {
      for (String flag : new String[] {"allowEmptyValue", "allowReserved"}) {
        if (old.path(flag).asBoolean(false) && !cur.path(flag).asBoolean(false)) {
          out.breaking(Rule.SERIALIZATION_CHANGED, CURRENT, ptr + (cur.has(flag) ? "/" + flag : ""), label
              + ": " + flag + " was true and is no longer", op);
        }
      }
    }
  }

  /** OpenAPI's default styles: form for query and cookie, simple for path and header. */
  private static String style(JsonNode p, String in) {
    String fallback = in.equals("query") || in.equals("cookie") ? "form" : "simple";
    return p.path("style").asText(fallback);
  }

  /** OpenAPI: explode defaults to true for form, false for every other style. */
  private static boolean explode(JsonNode p, String style) {
    return p.path("explode").asBoolean(style.equals("form"));
  }

  /** A single value with no parts for explode to split: a primitive type (or a type array of them). */
  private static boolean primitive(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      return PRIMITIVE.contains(type.asText());
    }
    if (!type.isArray() || type.isEmpty()) {
      return false;
    }
    for (JsonNode t : type) {
      if (!PRIMITIVE.contains(t.asText())) {
        return false;
      }
    }
    return true;
  }
}
