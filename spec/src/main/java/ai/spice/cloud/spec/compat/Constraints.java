package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Collector.BASELINE;
import static ai.spice.cloud.spec.compat.Collector.CURRENT;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The value constraints of JSON Schema 2020-12 (OpenAPI 3.1), compared by direction. Each constraint change is
 * judged as "tightened" (a value it accepted is now rejected), "loosened" (a value it rejected is now
 * accepted), or both; tightened breaks what consumers send, loosened breaks what they receive. An absent
 * keyword accepts everything, so adding one tightens and removing one loosens.
 */
final class Constraints {
  private Constraints() {}

  private enum Family {
    RANGE(Rule.NUMERIC_RANGE_NARROWED_ON_INPUT, Rule.NUMERIC_RANGE_WIDENED_ON_OUTPUT),
    LENGTH(Rule.LENGTH_NARROWED_ON_INPUT, Rule.LENGTH_WIDENED_ON_OUTPUT),
    PATTERN(Rule.PATTERN_TIGHTENED_ON_INPUT, Rule.PATTERN_LOOSENED_ON_OUTPUT),
    ITEMS(Rule.ITEMS_NARROWED_ON_INPUT, Rule.ITEMS_WIDENED_ON_OUTPUT),
    PROPERTY_COUNT(Rule.PROPERTY_COUNT_NARROWED_ON_INPUT, Rule.PROPERTY_COUNT_WIDENED_ON_OUTPUT),
    MULTIPLE_OF(Rule.MULTIPLE_OF_TIGHTENED_ON_INPUT, Rule.MULTIPLE_OF_LOOSENED_ON_OUTPUT),
    CONST(Rule.CONST_TIGHTENED_ON_INPUT, Rule.CONST_LOOSENED_ON_OUTPUT),
    SCHEMA(Rule.SCHEMA_NARROWED_ON_INPUT, Rule.SCHEMA_WIDENED_ON_OUTPUT);

    final Rule input;
    final Rule output;

    Family(Rule input, Rule output) {
      this.input = input;
      this.output = output;
    }
  }

  /** A bound and the keyword that sets it; counts (lengths, items, properties) are never exclusive. */
  private record Bound(BigDecimal value, boolean exclusive, String keyword) {
    @Override
    public String toString() {
      return keyword + " " + plain(value);
    }
  }

  private record Delta(boolean tightened, boolean loosened, String document, String pointer, String text) {}

  /** A schema pair, where each is, and the documents its references resolve in. */
  private record Place(JsonNode oldDoc, JsonNode newDoc, JsonNode old, JsonNode cur, String oldPtr, String newPtr) {
    String pointer(JsonNode kwNew, String keyword) {
      return (kwNew != null ? newPtr : oldPtr) + "/" + keyword;
    }

    String document(JsonNode kwNew) {
      return kwNew != null ? CURRENT : BASELINE;
    }
  }

  static void compare(JsonNode oldDoc, JsonNode newDoc, JsonNode old, JsonNode cur, String oldPtr, String newPtr,
      Direction dir, String op, Collector out) {
    Place at = new Place(oldDoc, newDoc, old, cur, oldPtr, newPtr);
    judge(Family.RANGE, bounds(at, lowerNumeric(old), lowerNumeric(cur), true), dir, op, out);
    judge(Family.RANGE, bounds(at, upperNumeric(old), upperNumeric(cur), false), dir, op, out);
    judge(Family.LENGTH, bounds(at, lowerCount(old, "minLength"), lowerCount(cur, "minLength"), true), dir, op, out);
    judge(Family.LENGTH, bounds(at, upperCount(old, "maxLength"), upperCount(cur, "maxLength"), false), dir, op, out);
    judge(Family.ITEMS, bounds(at, lowerCount(old, "minItems"), lowerCount(cur, "minItems"), true), dir, op, out);
    judge(Family.ITEMS, bounds(at, upperCount(old, "maxItems"), upperCount(cur, "maxItems"), false), dir, op, out);
    judge(Family.ITEMS, uniqueItems(at), dir, op, out);
    judge(Family.PROPERTY_COUNT, bounds(at, lowerCount(old, "minProperties"), lowerCount(cur, "minProperties"), true),
        dir, op, out);
    judge(Family.PROPERTY_COUNT, bounds(at, upperCount(old, "maxProperties"), upperCount(cur, "maxProperties"), false),
        dir, op, out);
    judge(Family.PATTERN, pattern(at), dir, op, out);
    judge(Family.MULTIPLE_OF, multipleOf(at), dir, op, out);
    judge(Family.CONST, constant(at), dir, op, out);
    if (old.has("contains") && cur.has("contains")) { // otherwise contains itself came or went (below)
      judge(Family.ITEMS, bounds(at, minContains(old), minContains(cur), true), dir, op, out);
      judge(Family.ITEMS, bounds(at, upperCount(old, "maxContains"), upperCount(cur, "maxContains"), false), dir, op,
          out);
    }
    judge(Family.SCHEMA, contains(at), dir, op, out);
    judge(Family.SCHEMA, dependentRequired(at), dir, op, out);
    judge(Family.SCHEMA, discriminator(at), dir, op, out);
    for (String keyword : List.of("contentEncoding", "contentMediaType")) {
      judge(Family.SCHEMA, content(at, keyword), dir, op, out);
    }
  }

  /**
   * A change to a subschema keyword ({@link SchemaComparator}): {@code tightened} when a value it accepted is
   * now rejected, {@code loosened} when one it rejected is now accepted.
   */
  static void judgeSchema(boolean tightened, boolean loosened, String document, String pointer, String text,
      Direction dir, String op, Collector out) {
    judge(Family.SCHEMA, new Delta(tightened, loosened, document, pointer, text), dir, op, out);
  }

  /** A break when the direction forbids the change; otherwise the change is noted as harmless. */
  private static void judge(Family family, Delta d, Direction dir, String op, Collector out) {
    if (d == null) {
      return;
    }
    boolean breaks = dir.input() ? d.tightened() : d.loosened();
    if (breaks) {
      out.breaking(dir.input() ? family.input : family.output, d.document(), d.pointer(), d.text(), op);
    } else {
      out.change(dir.input() ? ChangeKind.RELAXED_CONSTRAINT : ChangeKind.TIGHTENED_OUTPUT, d.document(),
          d.pointer(), dir.label() + " " + d.text(), op);
    }
  }

  private static Delta bounds(Place at, Bound a, Bound b, boolean lower) {
    boolean tightened = b != null && (a == null || tighter(b, a, lower));
    boolean loosened = a != null && (b == null || tighter(a, b, lower));
    if (!tightened && !loosened) {
      return null;
    }
    String text;
    if (a == null) {
      text = b + " added";
    } else if (b == null) {
      text = a + " removed";
    } else if (a.keyword().equals(b.keyword()) && a.value().compareTo(b.value()) == 0) {
      text = a + (b.exclusive() ? " made exclusive" : " made inclusive"); // OpenAPI 3.0's boolean exclusive*
    } else if (a.keyword().equals(b.keyword())) {
      text = a.keyword() + " changed from " + plain(a.value()) + " to " + plain(b.value());
    } else {
      text = a + " replaced by " + b;
    }
    JsonNode kwNew = b == null ? null : at.cur().get(b.keyword());
    String keyword = b != null ? b.keyword() : a.keyword();
    return new Delta(tightened, loosened, at.document(kwNew), at.pointer(kwNew, keyword), text);
  }

  /** Whether bound x excludes more than y: a higher lower bound, a lower upper bound, or exclusive at one value. */
  private static boolean tighter(Bound x, Bound y, boolean lower) {
    int c = x.value().compareTo(y.value());
    return (lower ? c > 0 : c < 0) || (c == 0 && x.exclusive() && !y.exclusive());
  }

  private static Bound lowerNumeric(JsonNode s) {
    return numeric(s, "minimum", "exclusiveMinimum", true);
  }

  private static Bound upperNumeric(JsonNode s) {
    return numeric(s, "maximum", "exclusiveMaximum", false);
  }

  /** The effective bound of the inclusive keyword and the 3.1 numeric exclusive one (3.0's boolean form too). */
  private static Bound numeric(JsonNode s, String inclusive, String exclusive, boolean lower) {
    JsonNode inc = s.get(inclusive);
    JsonNode exc = s.get(exclusive);
    Bound bound = null;
    if (inc != null && inc.isNumber()) {
      bound = new Bound(inc.decimalValue(), exc != null && exc.isBoolean() && exc.asBoolean(), inclusive);
    }
    if (exc != null && exc.isNumber()) {
      Bound e = new Bound(exc.decimalValue(), true, exclusive);
      if (bound == null || tighter(e, bound, lower)) {
        bound = e;
      }
    }
    return bound;
  }

  /** A lower count of 0 accepts everything, like no bound. */
  private static Bound lowerCount(JsonNode s, String keyword) {
    JsonNode v = s.get(keyword);
    boolean bounds = v != null && v.isNumber() && v.decimalValue().signum() > 0;
    return bounds ? new Bound(v.decimalValue(), false, keyword) : null;
  }

  private static Bound upperCount(JsonNode s, String keyword) {
    JsonNode v = s.get(keyword);
    return v != null && v.isNumber() ? new Bound(v.decimalValue(), false, keyword) : null;
  }

  /** minContains defaults to 1 beside contains; 0 lets an array without a match pass. */
  private static Bound minContains(JsonNode s) {
    JsonNode v = s.get("minContains");
    BigDecimal min = v != null && v.isNumber() ? v.decimalValue() : BigDecimal.ONE;
    return min.signum() > 0 ? new Bound(min, false, "minContains") : null;
  }

  /** Only its presence here: a changed contains schema is compared as a subschema (same direction). */
  private static Delta contains(Place at) {
    JsonNode a = at.old().get("contains");
    JsonNode b = at.cur().get("contains");
    if (a == null && b != null) {
      return new Delta(true, false, CURRENT, at.newPtr() + "/contains", "contains added: an array must now hold a"
          + " matching item");
    }
    if (a != null && b == null) {
      return new Delta(false, true, BASELINE, at.oldPtr() + "/contains", "contains removed: an array need no"
          + " longer hold a matching item");
    }
    return null;
  }

  /** Each "if property k is present, m must be too" pair: a new pair rejects, a dropped one accepts. */
  private static Delta dependentRequired(Place at) {
    Set<String> a = pairs(at.old().get("dependentRequired"));
    Set<String> b = pairs(at.cur().get("dependentRequired"));
    if (a.equals(b)) {
      return null;
    }
    Set<String> added = new TreeSet<>(b);
    added.removeAll(a);
    Set<String> dropped = new TreeSet<>(a);
    dropped.removeAll(b);
    JsonNode kwNew = at.cur().get("dependentRequired");
    return new Delta(!added.isEmpty(), !dropped.isEmpty(), at.document(kwNew), at.pointer(kwNew,
        "dependentRequired"), "dependentRequired" + (added.isEmpty() ? "" : " added " + added)
        + (dropped.isEmpty() ? "" : " dropped " + dropped));
  }

  private static Set<String> pairs(JsonNode dependentRequired) {
    Set<String> pairs = new TreeSet<>();
    if (dependentRequired != null) {
      dependentRequired.fields().forEachRemaining(e -> e.getValue().forEach(m ->
          pairs.add(e.getKey() + " -> " + m.asText())));
    }
    return pairs;
  }

  /**
   * OpenAPI's discriminator names the property whose value picks the alternative, and maps values to schemas.
   * One added requires every value to carry that property with a mapped value (tightened: OpenAPI 3.1, "a
   * property with name petType MUST be present"); one removed lifts that (loosened); another property changes
   * how every value is read (both ways). A mapped value dropped is rejected (tightened), one added may now arrive
   * (loosened), one remapped is both. A mapped value is compared by the schema it names, not by its text.
   */
  private static Delta discriminator(Place at) {
    JsonNode a = at.old().get("discriminator");
    JsonNode b = at.cur().get("discriminator");
    if (a == null && b == null || a != null && a.equals(b)) {
      return null;
    }
    String ptr = at.pointer(b, "discriminator");
    String doc = at.document(b);
    String nameA = a == null ? null : a.path("propertyName").asText();
    String nameB = b == null ? null : b.path("propertyName").asText();
    if (a == null || b == null) {
      return new Delta(a == null, b == null, doc, ptr, "discriminator " + (a == null ? "added: values must now carry "
          + nameB : "removed: values need no longer carry " + nameA) + " with a mapped value");
    }
    if (!nameA.equals(nameB)) {
      return new Delta(true, true, doc, ptr, "discriminator changed from " + Keywords.brief(a) + " to "
          + Keywords.brief(b) + ": values are told apart by another property");
    }
    Set<String> dropped = new TreeSet<>();
    Set<String> added = new TreeSet<>();
    a.path("mapping").fields().forEachRemaining(e -> {
      if (!sameTarget(at, e.getValue(), b.path("mapping").get(e.getKey()))) {
        dropped.add(e.getKey());
      }
    });
    b.path("mapping").fields().forEachRemaining(e -> {
      if (!sameTarget(at, a.path("mapping").get(e.getKey()), e.getValue())) {
        added.add(e.getKey());
      }
    });
    if (dropped.isEmpty() && added.isEmpty()) {
      return null; // only annotations (x-*), or how a target is written, changed
    }
    return new Delta(!dropped.isEmpty(), !added.isEmpty(), doc, ptr, "discriminator " + nameB + " mapping"
        + (dropped.isEmpty() ? "" : " lost or remapped " + dropped) + (added.isEmpty() ? "" : " gained or remapped "
        + added));
  }

  /**
   * Whether two mapping values pick the same schema: the same component (OpenAPI 3.1 allows its name or a reference
   * to it), or, where the name changed, one of the same content (a renamed schema). The content of the same
   * component is compared where the oneOf/anyOf members are.
   */
  private static boolean sameTarget(Place at, JsonNode oldValue, JsonNode newValue) {
    if (oldValue == null || newValue == null) {
      return false;
    }
    Ref a = mapped(at.oldDoc(), oldValue.asText());
    Ref b = mapped(at.newDoc(), newValue.asText());
    if (a == null || b == null) {
      return oldValue.equals(newValue); // not resolvable here (another document): compared as written
    }
    return a.pointer().equals(b.pointer()) || a.node().equals(b.node());
  }

  /** The schema a mapping value names: a schema name under components, else a local reference; null if neither. */
  private static Ref mapped(JsonNode doc, String value) {
    JsonNode named = doc.path("components").path("schemas").get(value);
    if (named != null) {
      return new Ref(named, "/components/schemas/" + OpenApiDocs.escape(value));
    }
    JsonNode target = OpenApiDocs.resolve(doc, value);
    return target == null ? null : new Ref(target, value.substring(1));
  }

  /** The same string now carries other bytes (another encoding or media type): every value changes meaning. */
  private static Delta content(Place at, String keyword) {
    JsonNode a = at.old().get(keyword);
    JsonNode b = at.cur().get(keyword);
    String x = a == null ? "(none)" : a.asText();
    String y = b == null ? "(none)" : b.asText();
    if (x.equalsIgnoreCase(y)) { // media types and encodings are case-insensitive
      return null;
    }
    return new Delta(true, true, at.document(b), at.pointer(b, keyword), keyword + " changed from " + x + " to "
        + y);
  }

  private static Delta uniqueItems(Place at) {
    boolean a = at.old().path("uniqueItems").asBoolean(false);
    boolean b = at.cur().path("uniqueItems").asBoolean(false);
    if (a == b) {
      return null;
    }
    JsonNode kwNew = at.cur().get("uniqueItems");
    String ptr = at.pointer(kwNew, "uniqueItems");
    String doc = at.document(kwNew);
    return new Delta(b, a, doc, ptr, b ? "uniqueItems added: duplicates are rejected"
        : "uniqueItems removed: duplicates allowed");
  }

  /**
   * Patterns that match every string, as written: JSON Schema patterns are not anchored, so {@code .*} and
   * {@code ^.*} match any string (at its start). {@code ^.*$} misses only strings with a line break, which
   * no pattern-constrained field carries in practice; it is written to mean "anything".
   */
  private static final Set<String> MATCH_ALL = Set.of("", ".*", "^.*", ".*$", "^.*$", "(.*)", "^(.*)$",
      "[\\s\\S]*", "^[\\s\\S]*$");

  private static Delta pattern(Place at) {
    JsonNode a = at.old().get("pattern");
    JsonNode b = at.cur().get("pattern");
    boolean allA = a == null || MATCH_ALL.contains(a.asText());
    boolean allB = b == null || MATCH_ALL.contains(b.asText());
    if (allA && allB || a != null && b != null && a.asText().equals(b.asText())) {
      return null;
    }
    String ptr = b != null ? at.newPtr() + "/pattern" : at.oldPtr() + "/pattern";
    String doc = b != null ? CURRENT : BASELINE;
    if (allB) {
      return new Delta(false, true, doc, ptr, b == null ? "pattern " + a.asText() + " removed"
          : "pattern " + a.asText() + " replaced by " + b.asText() + ", which matches every string");
    }
    if (allA) {
      return new Delta(true, false, doc, ptr, a == null ? "pattern " + b.asText() + " added"
          : "pattern " + a.asText() + " (every string) replaced by " + b.asText());
    }
    return new Delta(true, true, doc, ptr, "pattern changed from " + a.asText() + " to " + b.asText()
        + " (two patterns cannot be compared in general, so the change is judged both ways)");
  }

  private static Delta multipleOf(Place at) {
    JsonNode a = at.old().get("multipleOf");
    JsonNode b = at.cur().get("multipleOf");
    BigDecimal x = a != null && a.isNumber() && a.decimalValue().signum() > 0 ? a.decimalValue() : null;
    BigDecimal y = b != null && b.isNumber() && b.decimalValue().signum() > 0 ? b.decimalValue() : null;
    if (x == null && y == null || x != null && y != null && x.compareTo(y) == 0) {
      return null;
    }
    if (x == null) {
      return new Delta(true, false, CURRENT, at.newPtr() + "/multipleOf", "multipleOf " + plain(y) + " added");
    }
    if (y == null) {
      return new Delta(false, true, BASELINE, at.oldPtr() + "/multipleOf", "multipleOf " + plain(x) + " removed");
    }
    // Multiples of x stay valid under y when x is itself a multiple of y, and the reverse.
    boolean tightened = x.remainder(y).signum() != 0;
    boolean loosened = y.remainder(x).signum() != 0;
    return new Delta(tightened, loosened, CURRENT, at.newPtr() + "/multipleOf",
        "multipleOf changed from " + plain(x) + " to " + plain(y));
  }

  private static Delta constant(Place at) {
    JsonNode a = at.old().get("const");
    JsonNode b = at.cur().get("const");
    if (a == null && b == null || a != null && b != null && same(a, b)) {
      return null;
    }
    if (a == null) {
      return new Delta(true, false, CURRENT, at.newPtr() + "/const", "const " + b + " added");
    }
    if (b == null) {
      return new Delta(false, true, BASELINE, at.oldPtr() + "/const", "const " + a + " removed");
    }
    return new Delta(true, true, CURRENT, at.newPtr() + "/const", "const changed from " + a + " to " + b);
  }

  /** JSON equality with numbers compared by value, so 1 and 1.0 are the same constant. */
  static boolean same(JsonNode a, JsonNode b) {
    return a.equals(b) || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0;
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
