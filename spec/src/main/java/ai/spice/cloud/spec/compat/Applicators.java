package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.OpenApiDocs.escape;
import static ai.spice.cloud.spec.compat.Collector.BASELINE;
import static ai.spice.cloud.spec.compat.Collector.CURRENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The JSON Schema 2020-12 keywords that hold subschemas for parts of a value (items, properties by name or
 * pattern, the value under a condition), compared by direction. Each subschema is compared like the schema
 * itself, in the same direction: a narrower subschema accepts fewer values of the whole. A missing subschema
 * (or {@code true}) accepts anything and is compared as the empty schema; {@code false} accepts nothing.
 * Where one side says nothing for a position (a prefixItems index, a pattern), the schema that governs it
 * there ({@code items}, {@code additionalProperties}) stands in. No keyword here tries combinations, so the
 * cost stays linear in the schemas' size.
 */
final class Applicators {
  private static final JsonNode ANYTHING = JsonNodeFactory.instance.objectNode();

  private Applicators() {}

  static void compare(SchemaComparator c, Ref o, Ref n, Direction dir, String op, Set<String> visited, int depth) {
    JsonNode old = o.node();
    JsonNode cur = n.node();
    Walk w = new Walk(c, o.pointer(), n.pointer(), dir, op, visited, depth);
    if (old.path("items").isArray() || cur.path("items").isArray()) {
      // The array form of items is draft 2019 and earlier (2020-12 spells it prefixItems).
      if (!old.path("items").equals(cur.path("items"))) {
        w.c.out().breaking(Rule.UNSUPPORTED_KEYWORD_CHANGED, CURRENT, n.pointer() + "/items",
            "items as an array (a tuple before JSON Schema 2020-12) changed", op);
      }
    } else {
      w.same("items", old, cur);
    }
    for (String keyword : new String[] {"additionalProperties", "unevaluatedItems", "unevaluatedProperties",
        "propertyNames", "contentSchema"}) {
      w.same(keyword, old, cur);
    }
    prefixItems(w, old, cur);
    if (old.path("contains").isObject() && cur.path("contains").isObject()) {
      w.same("contains", old, cur); // its presence is judged with minContains and maxContains (Constraints)
    } else if (old.has("contains") && cur.has("contains") && !old.get("contains").equals(cur.get("contains"))) {
      Constraints.judgeSchema(true, true, CURRENT, n.pointer() + "/contains", "contains changed from "
          + Keywords.brief(old.get("contains")) + " to " + Keywords.brief(cur.get("contains")), dir, op, c.out());
    }
    for (String name : union(old.path("dependentSchemas"), cur.path("dependentSchemas"))) {
      String at = "/dependentSchemas/" + escape(name);
      JsonNode a = old.path("dependentSchemas").get(name);
      JsonNode b = cur.path("dependentSchemas").get(name);
      if (a == null || b == null) {
        // A whole condition appears or goes, like if/then: compared with the empty schema, the properties it
        // declares would read as merely added, yet they now bind values that carry the property.
        Constraints.judgeSchema(a == null, b == null, a == null ? CURRENT : BASELINE, (a == null ? n : o).pointer()
            + at, "dependentSchemas " + name + (a == null ? " added: values with property " + name
            + " must now also match it" : " removed: what it required of values with property " + name
            + " is no longer required"), dir, op, c.out());
        continue;
      }
      w.slot("dependentSchemas " + name, a, o.pointer() + at, b, n.pointer() + at);
    }
    for (String pattern : union(old.path("patternProperties"), cur.path("patternProperties"))) {
      String at = "/patternProperties/" + escape(pattern);
      JsonNode a = old.path("patternProperties").get(pattern);
      JsonNode b = cur.path("patternProperties").get(pattern);
      w.slot("patternProperties " + pattern, a != null ? a : old.get("additionalProperties"),
          o.pointer() + (a != null ? at : "/additionalProperties"),
          b != null ? b : cur.get("additionalProperties"), n.pointer() + (b != null ? at : "/additionalProperties"));
    }
    conditional(w, old, cur);
  }

  /** Position by position; past one side's prefix, its items schema governs. */
  private static void prefixItems(Walk w, JsonNode old, JsonNode cur) {
    JsonNode a = old.path("prefixItems");
    JsonNode b = cur.path("prefixItems");
    if (!a.isArray() && !b.isArray()) {
      return;
    }
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      boolean inA = i < a.size();
      boolean inB = i < b.size();
      w.slot("prefixItems " + i, inA ? a.get(i) : old.get("items"), w.oldPtr + (inA ? "/prefixItems/" + i : "/items"),
          inB ? b.get(i) : cur.get("items"), w.newPtr + (inB ? "/prefixItems/" + i : "/items"));
    }
  }

  /**
   * if/then/else only ever adds constraints (then for values that meet the condition, else for the rest): one
   * added narrows, one removed widens. With the same condition, then and else are compared; a changed condition
   * cannot be compared in general, and the finding says so.
   */
  private static void conditional(Walk w, JsonNode old, JsonNode cur) {
    boolean inA = old.has("if") && (old.has("then") || old.has("else"));
    boolean inB = cur.has("if") && (cur.has("then") || cur.has("else"));
    if (!inA && !inB) {
      return;
    }
    if (inA && inB && w.c.sameSchema(old.get("if"), w.oldPtr + "/if", cur.get("if"), w.newPtr + "/if")) {
      w.same("then", old, cur);
      w.same("else", old, cur);
      return;
    }
    if (!inA) {
      Constraints.judgeSchema(true, false, CURRENT, w.newPtr + "/if", "if/then/else added: values that meet the"
          + " condition (or fail it) must now also match then (or else)", w.dir, w.op, w.c.out());
    } else if (!inB) {
      Constraints.judgeSchema(false, true, BASELINE, w.oldPtr + "/if", "if/then/else removed: what it required"
          + " of values is no longer required", w.dir, w.op, w.c.out());
    } else {
      Constraints.judgeSchema(true, true, CURRENT, w.newPtr + "/if", "the if condition changed from "
          + Keywords.brief(old.get("if")) + " to " + Keywords.brief(cur.get("if")) + "; two conditions cannot be"
          + " compared in general, so the change is judged both ways", w.dir, w.op, w.c.out());
    }
  }

  private static Set<String> union(JsonNode a, JsonNode b) {
    if (a.isMissingNode() && b.isMissingNode()) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    a.fieldNames().forEachRemaining(names::add);
    b.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** One schema pair's place and direction, shared by its keywords. */
  private record Walk(SchemaComparator c, String oldPtr, String newPtr, Direction dir, String op,
      Set<String> visited, int depth) {
    void same(String keyword, JsonNode old, JsonNode cur) {
      slot(keyword, old.get(keyword), oldPtr + "/" + keyword, cur.get(keyword), newPtr + "/" + keyword);
    }

    void slot(String what, JsonNode a, String aPtr, JsonNode b, String bPtr) {
      boolean noneA = a != null && a.isBoolean() && !a.asBoolean();
      boolean noneB = b != null && b.isBoolean() && !b.asBoolean();
      boolean anyA = a == null || a.isBoolean() && a.asBoolean();
      boolean anyB = b == null || b.isBoolean() && b.asBoolean();
      if (noneA && noneB || anyA && anyB) {
        return;
      }
      if (noneA || noneB) {
        Constraints.judgeSchema(noneB, noneA, b != null ? CURRENT : BASELINE, b != null ? bPtr : aPtr, what
            + (noneB ? " is now false: nothing is accepted there" : " was false: values are now accepted there"),
            dir, op, c.out());
        return;
      }
      c.nested(anyA ? ANYTHING : a, aPtr, anyB ? ANYTHING : b, bPtr, dir, op, visited, depth);
    }
  }
}
