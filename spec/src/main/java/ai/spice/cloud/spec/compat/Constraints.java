package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Collector.BASELINE;
import static ai.spice.cloud.spec.compat.Collector.CURRENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

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
    CONST(Rule.CONST_TIGHTENED_ON_INPUT, Rule.CONST_LOOSENED_ON_OUTPUT);

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

  private record Place(JsonNode old, JsonNode cur, String oldPtr, String newPtr) {
    String pointer(JsonNode kwNew, String keyword) {
      return (kwNew != null ? newPtr : oldPtr) + "/" + keyword;
    }

    String document(JsonNode kwNew) {
      return kwNew != null ? CURRENT : BASELINE;
    }
  }

  static void compare(JsonNode old, JsonNode cur, String oldPtr, String newPtr, Direction dir, String op,
      Collector out) {
    Place at = new Place(old, cur, oldPtr, newPtr);
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
  }

  /** A break when the direction forbids the change; otherwise the change is noted as harmless. */
  private static void judge(Family family, Delta d, Direction dir, String op, Collector out) {
    if (d == null) {
      return;
    }
    boolean breaks = dir == Direction.INPUT ? d.tightened() : d.loosened();
    if (breaks) {
      out.breaking(dir == Direction.INPUT ? family.input : family.output, d.document(), d.pointer(), d.text(), op);
    } else {
      out.change(dir == Direction.INPUT ? ChangeKind.RELAXED_CONSTRAINT : ChangeKind.TIGHTENED_OUTPUT, d.document(),
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

  private static Delta pattern(Place at) {
    JsonNode a = at.old().get("pattern");
    JsonNode b = at.cur().get("pattern");
    if (a == null && b == null || a != null && b != null && a.asText().equals(b.asText())) {
      return null;
    }
    if (a == null) {
      return new Delta(true, false, CURRENT, at.newPtr() + "/pattern", "pattern " + b.asText() + " added");
    }
    if (b == null) {
      return new Delta(false, true, BASELINE, at.oldPtr() + "/pattern", "pattern " + a.asText() + " removed");
    }
    // Two regular expressions cannot be compared in general: a changed pattern is judged both ways.
    return new Delta(true, true, CURRENT, at.newPtr() + "/pattern",
        "pattern changed from " + a.asText() + " to " + b.asText());
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
