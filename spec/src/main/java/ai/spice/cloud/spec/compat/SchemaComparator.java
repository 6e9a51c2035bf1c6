package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.OpenApiDocs.escape;
import static ai.spice.cloud.spec.compat.Collector.BASELINE;
import static ai.spice.cloud.spec.compat.Collector.CURRENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a baseline schema with the current one by direction. Each schema pair is visited once per
 * operation and direction (the caller's {@code visited} set), so recursive and shared schemas cost one visit.
 * Composition is compared member by member: members are matched by $ref, then by equality, then by what they
 * accept (a trial comparison, memoized per pair), then by position.
 */
final class SchemaComparator {
  static final int MAX_DEPTH = 64;
  private static final List<String> COMPOSITION = List.of("allOf", "anyOf", "oneOf");

  private final JsonNode oldDoc;
  private final JsonNode newDoc;
  private final Collector out;
  /** Trial results by pair; shared by all trials, and set to "compatible" while a pair is in progress. */
  private final Map<String, Boolean> trials;
  /**
   * In an allOf trial a member need not declare every property: the other members declare the rest, so a
   * property missing from one member is no finding there.
   */
  private final int allOfMemberDepth;

  SchemaComparator(JsonNode oldDoc, JsonNode newDoc, Collector out, Map<String, Boolean> trials) {
    this(oldDoc, newDoc, out, trials, -1);
  }

  private SchemaComparator(JsonNode oldDoc, JsonNode newDoc, Collector out, Map<String, Boolean> trials,
      int allOfMemberDepth) {
    this.oldDoc = oldDoc;
    this.newDoc = newDoc;
    this.out = out;
    this.trials = trials;
    this.allOfMemberDepth = allOfMemberDepth;
  }

  void compare(JsonNode oldRaw, String oldRawPtr, JsonNode newRaw, String newRawPtr, Direction dir, String op,
      Set<String> visited) {
    compare(oldRaw, oldRawPtr, newRaw, newRawPtr, dir, op, visited, false);
  }

  /** {@code alwaysSent}: the value is a required input (existing consumers always send it; its default is moot). */
  void compare(JsonNode oldRaw, String oldRawPtr, JsonNode newRaw, String newRawPtr, Direction dir, String op,
      Set<String> visited, boolean alwaysSent) {
    compare(oldRaw, oldRawPtr, newRaw, newRawPtr, dir, op, visited, 0, alwaysSent);
  }

  private void compare(JsonNode oldRaw, String oldRawPtr, JsonNode newRaw, String newRawPtr, Direction dir,
      String op, Set<String> visited, int depth) {
    compare(oldRaw, oldRawPtr, newRaw, newRawPtr, dir, op, visited, depth, false);
  }

  private void compare(JsonNode oldRaw, String oldRawPtr, JsonNode newRaw, String newRawPtr, Direction dir,
      String op, Set<String> visited, int depth, boolean alwaysSent) {
    boolean noOld = oldRaw == null || oldRaw.isMissingNode();
    boolean noNew = newRaw == null || newRaw.isMissingNode();
    if (noOld || noNew) {
      if (noOld != noNew) {
        anyContent(noOld, noOld ? Ref.schema(newDoc, newRaw, newRawPtr) : Ref.schema(oldDoc, oldRaw, oldRawPtr),
            noOld ? newRawPtr : oldRawPtr, dir, op);
      }
      return;
    }
    if (oldRaw.has("$ref") && newRaw.has("$ref")) {
      Keywords.besideRef(oldRaw, newRaw, oldRawPtr, newRawPtr, op, out);
    }
    Ref o = Ref.schema(oldDoc, oldRaw, oldRawPtr);
    Ref n = Ref.schema(newDoc, newRaw, newRawPtr);
    if (!visited.add(o.pointer() + "|" + n.pointer() + "|" + dir + (alwaysSent ? "|sent" : "")
        + (depth == allOfMemberDepth ? "|allOf" : ""))) {
      return;
    }
    if (depth > MAX_DEPTH) {
      out.change(ChangeKind.NOT_COMPARED, CURRENT, n.pointer(), "schemas nested deeper than " + MAX_DEPTH
          + " levels are not compared; review this part by hand", op);
      return;
    }
    JsonNode old = o.node();
    JsonNode cur = n.node();
    if (!old.isObject() || !cur.isObject()) {
      return;
    }
    if (alternativesOnly(old, cur) || alternativesOnly(cur, old)) {
      for (String keyword : COMPOSITION) {
        composition(keyword, o, n, dir, op, visited, depth);
      }
      return;
    }
    types(old, cur, o.pointer(), n.pointer(), dir, op);
    format(old, cur, n.pointer(), dir, op);
    enums(old, cur, o.pointer(), n.pointer(), dir, op);
    defaults(old, cur, o.pointer(), n.pointer(), dir, alwaysSent, op);
    Map<String, Ref> oldAll = declared(oldDoc, o, 0);
    Map<String, Ref> newAll = declared(newDoc, n, 0);
    Map<String, Ref> olds = travelling(oldDoc, oldAll, dir);
    Map<String, Ref> news = travelling(newDoc, newAll, dir);
    required(old, cur, o.pointer(), n.pointer(), dir, op, hidden(oldAll, olds), hidden(newAll, news));
    Constraints.compare(oldDoc, newDoc, old, cur, o.pointer(), n.pointer(), dir, op, out);
    for (String keyword : COMPOSITION) {
      composition(keyword, o, n, dir, op, visited, depth);
    }
    negation(o, n, dir, op, depth);
    properties(o, n, dir, op, visited, depth, oldAll, newAll, olds, news);
    Applicators.compare(this, o, n, dir, op, visited, depth);
    Keywords.unsupported(old, cur, o.pointer(), n.pointer(), op, out);
  }

  /**
   * A media type (or parameter content) without a schema allows any content (OpenAPI 3.1). A schema given to it
   * narrows what is allowed, one taken away widens it, unless that schema accepts everything anyway.
   */
  private void anyContent(boolean gained, Ref schema, String ptr, Direction dir, String op) {
    if (acceptsAll(schema.node())) {
      return;
    }
    Constraints.judgeSchema(gained, !gained, gained ? CURRENT : BASELINE, ptr, gained
        ? "content had no schema (any content) and now has one: content it does not describe was allowed before"
        : "content had a schema and now has none: any content is allowed", dir, op, out);
  }

  /** true, or a schema of annotations only: it accepts every value, as no schema does. */
  private static boolean acceptsAll(JsonNode schema) {
    if (schema.isBoolean()) {
      return schema.asBoolean();
    }
    for (var names = schema.fieldNames(); names.hasNext(); ) {
      if (!Keywords.annotation(names.next())) {
        return false;
      }
    }
    return schema.isObject();
  }

  /**
   * Whether a schema only offers alternatives (oneOf/anyOf, annotations beside) that the other side does not, as
   * in a nullable wrap {@code oneOf: [{type: 'null'}, X]} against X, either way. Its values are those of its
   * members, each of which the composition comparison compares with the whole other schema; its own level states
   * nothing, not "anything", so it is not compared keyword by keyword with the other side's (X's enum or required
   * are not new).
   */
  private static boolean alternativesOnly(JsonNode schema, JsonNode other) {
    boolean offers = false;
    for (var names = schema.fieldNames(); names.hasNext(); ) {
      String k = names.next();
      if ((k.equals("oneOf") || k.equals("anyOf")) && !other.has(k)) {
        offers = true;
      } else if (!Keywords.annotation(k)) {
        return false;
      }
    }
    return offers;
  }

  /** Compares two subschemas one level down (Applicators' way back in). */
  void nested(JsonNode oldRaw, String oldPtr, JsonNode newRaw, String newPtr, Direction dir, String op,
      Set<String> visited, int depth) {
    compare(oldRaw, oldPtr, newRaw, newPtr, dir, op, visited, depth + 1);
  }

  Collector out() {
    return out;
  }

  boolean sameSchema(JsonNode a, String oldPtr, JsonNode b, String newPtr) {
    return Ref.schema(oldDoc, a, oldPtr).node().equals(Ref.schema(newDoc, b, newPtr).node());
  }

  /** Whether comparing the pair finds no break, without reporting anything. */
  private boolean accepts(JsonNode oldRaw, String oldPtr, JsonNode newRaw, String newPtr, Direction dir, int depth,
      boolean allOf) {
    String key = Ref.schema(oldDoc, oldRaw, oldPtr).pointer() + "|" + Ref.schema(newDoc, newRaw, newPtr).pointer()
        + "|" + dir + "|" + allOf;
    Boolean known = trials.get(key);
    if (known != null) {
      return known;
    }
    trials.put(key, true); // a recursive schema reaching this pair again assumes it compatible
    Collector scratch = new Collector();
    new SchemaComparator(oldDoc, newDoc, scratch, trials, allOf ? depth + 1 : -1)
        .compare(oldRaw, oldPtr, newRaw, newPtr, dir, null, new HashSet<>(), depth + 1);
    boolean ok = !scratch.hasFindings();
    trials.put(key, ok);
    return ok;
  }

  /**
   * Properties are compared by name over the schema and its allOf members together: a property that moved
   * from the schema into an allOf member (or between members) is still declared, so it is compared, not removed.
   * Only properties that travel this way count (see {@link #travelling}): one that became readOnly in a request
   * is gone from it, one that stopped being writeOnly in a response is new there.
   */
  private void properties(Ref o, Ref n, Direction dir, String op, Set<String> visited, int depth,
      Map<String, Ref> oldAll, Map<String, Ref> newAll, Map<String, Ref> olds, Map<String, Ref> news) {
    Set<String> oldRequired = names(o.node().path("required"));
    Set<String> inAlternatives = olds.keySet().stream().anyMatch(k -> !news.containsKey(k))
        ? alternativeProperties(newDoc, n) : Set.of();
    olds.forEach((name, old) -> {
      Ref cur = news.get(name);
      if (cur == null) {
        // Another allOf member may declare it; or it moved into the alternatives of a oneOf/anyOf that now wraps
        // the schema (a nullable wrap), where the composition comparison judges it.
        if (depth != allOfMemberDepth && !inAlternatives.contains(name)) {
          String what = dir.label() + " property " + name + (!newAll.containsKey(name) ? " was removed or renamed"
              : dir.input() ? " is now readOnly: what consumers send is ignored"
              : " is now writeOnly: it is no longer sent");
          out.breaking(dir.input() ? Rule.REQUEST_PROPERTY_REMOVED : Rule.RESPONSE_PROPERTY_REMOVED,
              newAll.containsKey(name) ? CURRENT : BASELINE, newAll.containsKey(name) ? newAll.get(name).pointer()
                  : old.pointer(), what, op);
        }
        return;
      }
      compare(old.node(), old.pointer(), cur.node(), cur.pointer(), dir, op, visited, depth + 1,
          dir.input() && oldRequired.contains(name));
    });
    news.forEach((name, cur) -> {
      if (!olds.containsKey(name)) {
        out.change(dir.input() ? ChangeKind.ADDED_REQUEST_PROPERTY : ChangeKind.ADDED_RESPONSE_PROPERTY,
            CURRENT, cur.pointer(), "added " + dir.label() + " property " + name, op);
      }
    });
    oldAll.forEach((name, old) -> {
      if (!olds.containsKey(name) && !newAll.containsKey(name)) {
        out.change(ChangeKind.CHANGED_PROPERTY_NOT_SENT, BASELINE, old.pointer(), (dir.input()
            ? "readOnly" : "writeOnly") + " property " + name + " was removed from a " + dir.label(), op);
      }
    });
  }

  /** The properties the oneOf/anyOf members of a schema declare (one pass, however many properties left). */
  private static Set<String> alternativeProperties(JsonNode doc, Ref schema) {
    Set<String> names = new HashSet<>();
    for (String keyword : List.of("oneOf", "anyOf")) {
      for (JsonNode member : schema.node().path(keyword)) {
        Ref.schema(doc, member, schema.pointer()).node().path("properties").fieldNames().forEachRemaining(names::add);
      }
    }
    return names;
  }

  /**
   * The declared properties that travel in this direction: a readOnly property is not sent in a request, a
   * writeOnly one is not returned in a response (OpenAPI; JSON Schema 2020-12 section 9.4).
   */
  private static Map<String, Ref> travelling(JsonNode doc, Map<String, Ref> declared, Direction dir) {
    if (declared.isEmpty()) {
      return declared;
    }
    String hidden = dir.input() ? "readOnly" : "writeOnly";
    Map<String, Ref> result = new java.util.LinkedHashMap<>(declared);
    result.values().removeIf(p -> p.node().path(hidden).asBoolean(false)
        || Ref.schema(doc, p.node(), p.pointer()).node().path(hidden).asBoolean(false));
    return result;
  }

  private static Set<String> hidden(Map<String, Ref> declared, Map<String, Ref> travelling) {
    if (declared.size() == travelling.size()) {
      return Set.of();
    }
    Set<String> hidden = new TreeSet<>(declared.keySet());
    hidden.removeAll(travelling.keySet());
    return hidden;
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new TreeSet<>();
    array.forEach(v -> names.add(v.asText()));
    return names;
  }

  /** The properties a schema declares itself and through its allOf members (bounded, for cyclic allOf). */
  private static Map<String, Ref> declared(JsonNode doc, Ref schema, int level) {
    Map<String, Ref> result = new java.util.LinkedHashMap<>();
    schema.node().path("properties").fields().forEachRemaining(p ->
        result.put(p.getKey(), new Ref(p.getValue(), schema.pointer() + "/properties/" + escape(p.getKey()))));
    JsonNode allOf = schema.node().path("allOf");
    for (int i = 0; i < allOf.size() && level < 8; i++) {
      Ref member = Ref.schema(doc, allOf.get(i), schema.pointer() + "/allOf/" + i);
      declared(doc, member, level + 1).forEach(result::putIfAbsent);
    }
    return result;
  }

  /**
   * oneOf/anyOf are alternatives: on input every old alternative must still be accepted by some new one, on
   * output every new alternative must be one consumers already decode. allOf members are constraints: on
   * input no new member may reject what the old ones accepted, on output every old member's promise must
   * still hold. A keyword that appears or disappears is compared against the whole schema on the other side.
   */
  private void composition(String keyword, Ref o, Ref n, Direction dir, String op, Set<String> visited, int depth) {
    JsonNode a = o.node().get(keyword);
    JsonNode b = n.node().get(keyword);
    boolean hasA = a != null && a.isArray();
    boolean hasB = b != null && b.isArray();
    if (!hasA && !hasB) {
      return;
    }
    String oldKw = o.pointer() + "/" + keyword;
    String newKw = n.pointer() + "/" + keyword;
    boolean alternatives = !keyword.equals("allOf");
    Rule rule = dir.input() ? Rule.COMPOSITION_NARROWED_ON_INPUT : Rule.COMPOSITION_WIDENED_ON_OUTPUT;
    ChangeKind harmless = dir.input() ? ChangeKind.RELAXED_CONSTRAINT : ChangeKind.TIGHTENED_OUTPUT;
    if (!hasA) {
      // The old schema as a whole stands for the missing members.
      introduced(keyword, o, b, newKw, dir, op, depth, alternatives, rule, harmless);
    } else if (!hasB) {
      removed(keyword, a, oldKw, n, dir, op, depth, alternatives, rule, harmless);
    } else {
      members(keyword, a, b, oldKw, newKw, dir, op, visited, depth, alternatives == (dir.input()), rule,
          harmless);
    }
  }

  private void introduced(String keyword, Ref o, JsonNode b, String newKw, Direction dir, String op, int depth,
      boolean alternatives, Rule rule, ChangeKind harmless) {
    if (!alternatives && annotationsOnly(b)) {
      return; // members with no validation keyword constrain nothing, and annotations never break
    }
    if (alternatives == (dir.input())) {
      // Input alternatives: one member must accept all the old schema did. Output allOf: one member must keep
      // the old promise.
      Set<String> oldTypes = typesOf(oldDoc, o.node(), o.pointer());
      for (int j = 0; j < b.size(); j++) {
        if (apart(oldTypes, typesOf(newDoc, b.get(j), newKw))) {
          continue; // a member of another type covers none of the old values: no trial needed
        }
        if (accepts(o.node(), o.pointer(), b.get(j), newKw + "/" + j, dir, depth, !alternatives)) {
          if (keyword.equals("oneOf") && dir.input() && !apartByType(b, j, newKw)) {
            // oneOf accepts a value that matches exactly one member: old values may now match two.
            out.breaking(rule, CURRENT, newKw, "oneOf introduced: " + label(b.get(j), j) + " covers the previous"
                + " schema, but another member may match the same values, and oneOf then rejects them", op);
          } else {
            out.change(harmless, CURRENT, newKw, keyword + " introduced; " + label(b.get(j), j) + " covers the"
                + " previous schema", op);
          }
          return;
        }
      }
      out.breaking(rule, CURRENT, newKw, keyword + " introduced: no member " + (dir.input()
          ? "accepts every value the previous schema accepted" : "keeps what the previous schema promised"), op);
      return;
    }
    // Output alternatives / input allOf: every member must fit the old schema.
    boolean any = false;
    for (int j = 0; j < b.size(); j++) {
      if (!accepts(o.node(), o.pointer(), b.get(j), newKw + "/" + j, dir, depth, !alternatives)) {
        any = true;
        String why = dir.input() ? " rejects values that were accepted"
            : " may return values the previous schema did not";
        out.breaking(rule, CURRENT, newKw + "/" + j, keyword + " introduced: " + label(b.get(j), j) + why, op);
      }
    }
    if (!any) {
      out.change(harmless, CURRENT, newKw, keyword + " introduced; every member fits the previous schema", op);
    }
  }

  /** Whether member j declares a type no other member shares (so no value matches it and another). */
  private boolean apartByType(JsonNode members, int j, String ptr) {
    Set<String> mine = typesOf(newDoc, members.get(j), ptr);
    for (int i = 0; i < members.size(); i++) {
      if (i != j && !apart(mine, typesOf(newDoc, members.get(i), ptr))) {
        return false;
      }
    }
    return true;
  }

  /** Whether two declared type sets share no value (an undeclared type shares every value). */
  private static boolean apart(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    for (String t : a) {
      if (b.contains(t) || t.equals("integer") && b.contains("number") || t.equals("number") && b.contains("integer")) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> typesOf(JsonNode doc, JsonNode schema, String ptr) {
    JsonNode type = Ref.schema(doc, schema, ptr).node().path("type");
    Set<String> types = new TreeSet<>();
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type.isTextual()) {
      types.add(type.asText());
    }
    return types;
  }

  private static boolean annotationsOnly(JsonNode members) {
    for (JsonNode m : members) {
      for (var it = m.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!Keywords.ANNOTATIONS.contains(k) && !k.startsWith("x-")) {
          return false;
        }
      }
    }
    return true;
  }

  private void removed(String keyword, JsonNode a, String oldKw, Ref n, Direction dir, String op, int depth,
      boolean alternatives, Rule rule, ChangeKind harmless) {
    if (alternatives == (dir.input())) {
      // Input alternatives: the new schema must accept each old member. Output allOf: it must keep each promise.
      boolean any = false;
      for (int i = 0; i < a.size(); i++) {
        if (!accepts(a.get(i), oldKw + "/" + i, n.node(), n.pointer(), dir, depth, !alternatives)) {
          any = true;
          out.breaking(rule, BASELINE, oldKw + "/" + i, keyword + " removed: " + (dir.input()
              ? "values " + label(a.get(i), i) + " accepted are no longer all accepted"
              : "the promise of " + label(a.get(i), i) + " no longer holds"), op);
        }
      }
      if (!any) {
        out.change(harmless, BASELINE, oldKw, keyword + " removed; the schema still covers every member", op);
      }
      return;
    }
    // Output alternatives / input allOf: one old member must cover the new schema.
    for (int i = 0; i < a.size(); i++) {
      if (accepts(a.get(i), oldKw + "/" + i, n.node(), n.pointer(), dir, depth, !alternatives)) {
        out.change(harmless, BASELINE, oldKw, keyword + " removed; " + label(a.get(i), i) + " covers the schema now",
            op);
        return;
      }
    }
    out.breaking(rule, BASELINE, oldKw, keyword + " removed: the schema now " + (dir.input()
        ? "rejects values its former members accepted" : "returns values none of its former members described"), op);
  }

  /**
   * Matches members and compares each pair. {@code oldDrives}: every old member must find a new one that covers
   * it (input alternatives, output allOf); otherwise every new member must find an old one.
   */
  private void members(String keyword, JsonNode a, JsonNode b, String oldKw, String newKw, Direction dir, String op,
      Set<String> visited, int depth, boolean oldDrives, Rule rule, ChangeKind harmless) {
    boolean alternatives = !keyword.equals("allOf");
    int[] partnerOfOld = new int[a.size()];
    java.util.Arrays.fill(partnerOfOld, -1);
    boolean[] newUsed = new boolean[b.size()];
    // Same $ref, then the same schema: members that did not change identity.
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < a.size(); i++) {
        for (int j = 0; j < b.size() && partnerOfOld[i] < 0; j++) {
          if (!newUsed[j] && (pass == 0 ? sameRef(a.get(i), b.get(j)) : sameSchema(a.get(i), oldKw, b.get(j), newKw))) {
            partnerOfOld[i] = j;
            newUsed[j] = true;
          }
        }
      }
    }
    for (int i = 0; i < a.size(); i++) {
      if (partnerOfOld[i] >= 0) {
        comparePair(a, b, oldKw, newKw, i, partnerOfOld[i], dir, op, visited, depth, !alternatives);
      }
    }
    List<Integer> driving = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    boolean[] oldUsed = new boolean[a.size()];
    for (int i = 0; i < a.size(); i++) {
      oldUsed[i] = partnerOfOld[i] >= 0;
      if (!oldUsed[i]) {
        (oldDrives ? driving : others).add(i);
      }
    }
    for (int j = 0; j < b.size(); j++) {
      if (!newUsed[j]) {
        (oldDrives ? others : driving).add(j);
      }
    }
    JsonNode drivers = oldDrives ? a : b;
    JsonNode candidates = oldDrives ? b : a;
    boolean[] candidateUsed = oldDrives ? newUsed : oldUsed;
    boolean[] unchanged = candidateUsed.clone(); // so far only the members paired with themselves
    List<Integer> unresolved = new ArrayList<>();
    for (int d : driving) {
      int found = -1;
      for (int c = 0; c < candidates.size() && found < 0; c++) {
        boolean ok = oldDrives
            ? accepts(drivers.get(d), oldKw + "/" + d, candidates.get(c), newKw + "/" + c, dir, depth, !alternatives)
            : accepts(candidates.get(c), oldKw + "/" + c, drivers.get(d), newKw + "/" + d, dir, depth, !alternatives);
        if (ok) {
          found = c;
        }
      }
      if (found < 0) {
        unresolved.add(d);
        continue;
      }
      if (unchanged[found]) {
        // A member that stayed as it was covers this one, which is gone (or new) rather than turned into it:
        // comparing the two would report their differences as changes.
        out.change(harmless, oldDrives ? BASELINE : CURRENT, (oldDrives ? oldKw : newKw) + "/" + d, keyword + " "
            + label(drivers.get(d), d) + (oldDrives ? " was removed; " : " was added; ") + label(candidates.get(found),
            found) + ", unchanged, covers it", op);
        continue;
      }
      candidateUsed[found] = true;
      comparePair(a, b, oldKw, newKw, oldDrives ? d : found, oldDrives ? found : d, dir, op, visited, depth,
          !alternatives);
    }
    // What is left is paired by position: a member that changed in place is compared, not removed and added.
    List<Integer> free = new ArrayList<>();
    for (int c : others) {
      if (!candidateUsed[c]) {
        free.add(c);
      }
    }
    for (int k = 0; k < unresolved.size(); k++) {
      int d = unresolved.get(k);
      if (k < free.size()) {
        int c = free.get(k);
        candidateUsed[c] = true;
        comparePair(a, b, oldKw, newKw, oldDrives ? d : c, oldDrives ? c : d, dir, op, visited, depth, !alternatives);
      } else if (oldDrives) {
        out.breaking(rule, BASELINE, oldKw + "/" + d, keyword + " " + label(a.get(d), d) + " was removed", op);
      } else {
        out.breaking(rule, CURRENT, newKw + "/" + d, keyword + " " + label(b.get(d), d) + " was added", op);
      }
    }
    for (int c : free) {
      if (!candidateUsed[c]) {
        if (oldDrives) {
          out.change(harmless, CURRENT, newKw + "/" + c, keyword + " " + label(b.get(c), c) + " was added", op);
        } else {
          out.change(harmless, BASELINE, oldKw + "/" + c, keyword + " " + label(a.get(c), c) + " was removed", op);
        }
      }
    }
  }

  /** Compares a matched pair; an allOf member need not declare every property (the others declare the rest). */
  private void comparePair(JsonNode a, JsonNode b, String oldKw, String newKw, int i, int j, Direction dir, String op,
      Set<String> visited, int depth, boolean allOf) {
    SchemaComparator pair = allOf ? new SchemaComparator(oldDoc, newDoc, out, trials, depth + 1) : this;
    pair.compare(a.get(i), oldKw + "/" + i, b.get(j), newKw + "/" + j, dir, op, visited, depth + 1);
  }

  /** not X to not Y: excluding Y instead of X accepts no less exactly when Y fits in X: the other direction. */
  private void negation(Ref o, Ref n, Direction dir, String op, int depth) {
    JsonNode a = o.node().get("not");
    JsonNode b = n.node().get("not");
    if (a == null && b == null) {
      return;
    }
    Rule rule = dir.input() ? Rule.COMPOSITION_NARROWED_ON_INPUT : Rule.COMPOSITION_WIDENED_ON_OUTPUT;
    ChangeKind harmless = dir.input() ? ChangeKind.RELAXED_CONSTRAINT : ChangeKind.TIGHTENED_OUTPUT;
    if (a == null) {
      if (dir.input()) {
        out.breaking(rule, CURRENT, n.pointer() + "/not", "not introduced: it rejects values that were accepted", op);
      } else {
        out.change(harmless, CURRENT, n.pointer() + "/not", "not introduced", op);
      }
    } else if (b == null) {
      if (dir.input()) {
        out.change(harmless, BASELINE, o.pointer() + "/not", "not removed", op);
      } else {
        out.breaking(rule, BASELINE, o.pointer() + "/not", "not removed: values it excluded may now arrive", op);
      }
    } else {
      Direction flipped = dir.reversed();
      if (!accepts(a, o.pointer() + "/not", b, n.pointer() + "/not", flipped, depth, false)) {
        String what = dir.input() ? "not changed: it now rejects values that were accepted"
            : "not changed: values it excluded may now arrive";
        out.breaking(rule, CURRENT, n.pointer() + "/not", what, op);
      }
    }
  }

  private static boolean sameRef(JsonNode a, JsonNode b) {
    return a.has("$ref") && b.has("$ref") && a.get("$ref").asText().equals(b.get("$ref").asText());
  }

  private static String label(JsonNode member, int index) {
    String ref = member.path("$ref").asText("");
    return "member " + index + (ref.isEmpty() ? "" : " (" + ref.substring(ref.lastIndexOf('/') + 1) + ")");
  }

  private static Set<String> typeSet(JsonNode schema) {
    Set<String> types = new TreeSet<>();
    JsonNode type = schema.get("type");
    if (type == null) {
      return types;
    }
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else {
      types.add(type.asText());
    }
    return types;
  }

  /** An empty set means "any type"; number covers integer. */
  private static boolean covers(Set<String> set, String type) {
    return set.isEmpty() || set.contains(type) || (type.equals("integer") && set.contains("number"));
  }

  private static boolean composed(JsonNode schema) {
    return COMPOSITION.stream().anyMatch(schema::has);
  }

  private void types(JsonNode old, JsonNode cur, String oldPtr, String newPtr, Direction dir, String op) {
    if (!old.has("type") && composed(old) || !cur.has("type") && composed(cur)) {
      return; // the types live in the members, which are compared member by member
    }
    Set<String> a = typeSet(old);
    Set<String> b = typeSet(cur);
    if (a.equals(b)) {
      return;
    }
    // Input: every type consumers could send must still be accepted. Output: nothing new may arrive.
    Set<String> from = dir.input() ? a : b;
    Set<String> to = dir.input() ? b : a;
    Set<String> lost = new TreeSet<>();
    if (from.isEmpty() && !to.isEmpty()) {
      lost.add("any");
    }
    from.stream().filter(t -> !covers(to, t)).forEach(lost::add);
    String change = "type changed from " + (a.isEmpty() ? "any" : a) + " to " + (b.isEmpty() ? "any" : b);
    String ptr = cur.has("type") ? newPtr + "/type" : newPtr;
    if (!lost.isEmpty()) {
      out.breaking(Rule.TYPE_CHANGED, CURRENT, ptr, change + " ("
          + (dir.input() ? "no longer accepts " : "may now return ") + lost + ")", op);
    } else {
      boolean typed = cur.has("type");
      out.change(dir.input() ? ChangeKind.RELAXED_CONSTRAINT : ChangeKind.TIGHTENED_OUTPUT,
          typed ? CURRENT : BASELINE, typed ? ptr : oldPtr + "/type", dir.label() + " " + change, op);
    }
  }

  private void format(JsonNode old, JsonNode cur, String newPtr, Direction dir, String op) {
    JsonNode a = old.path("format");
    JsonNode b = cur.path("format");
    if (a.equals(b)) {
      return;
    }
    int ra = integerWidth(a);
    int rb = integerWidth(b);
    if (ra > 0 && rb > 0) {
      // Generated clients use Integer for no format and int32, Long for int64: input may widen, output may narrow.
      boolean breaks = dir.input() ? rb < ra : rb > ra;
      if (!breaks) {
        out.change(dir.input() ? ChangeKind.RELAXED_CONSTRAINT : ChangeKind.TIGHTENED_OUTPUT, CURRENT,
            newPtr + (b.isMissingNode() ? "" : "/format"), dir.label() + " format " + text(a) + " -> " + text(b), op);
        return;
      }
    }
    out.breaking(Rule.FORMAT_CHANGED, CURRENT, newPtr + "/format", "format changed from " + text(a) + " to " + text(b),
        op);
  }

  private static int integerWidth(JsonNode format) {
    if (format.isMissingNode() || format.asText().equals("int32")) {
      return 32;
    }
    return format.asText().equals("int64") ? 64 : 0;
  }

  private void enums(JsonNode old, JsonNode cur, String oldPtr, String newPtr, Direction dir, String op) {
    extensibleEnum(old, cur, newPtr, dir, op);
    Set<String> a = values(old.get("enum"));
    Set<String> b = values(cur.get("enum"));
    if (a == null && b == null) {
      return;
    }
    if (a != null && b != null) {
      Set<String> removed = new TreeSet<>(a);
      removed.removeAll(b);
      Set<String> added = new TreeSet<>(b);
      added.removeAll(a);
      if (!removed.isEmpty()) {
        out.breaking(Rule.ENUM_NARROWED, CURRENT, newPtr + "/enum", "enum lost " + removed + " (now " + b + ")", op);
      }
      String gained = dir.label() + " enum gained " + added;
      if (!added.isEmpty() && dir.input()) {
        out.change(ChangeKind.ADDED_INPUT_ENUM_VALUE, CURRENT, newPtr + "/enum", gained, op);
      } else if (!added.isEmpty()) {
        out.breaking(Rule.ENUM_WIDENED_ON_OUTPUT, CURRENT, newPtr + "/enum", gained, op);
      }
    } else if (a == null) {
      if (dir.input()) {
        out.breaking(Rule.ENUM_NARROWED, CURRENT, newPtr + "/enum", "a free value is now restricted to " + b, op);
      } else {
        out.change(ChangeKind.TIGHTENED_OUTPUT, CURRENT, newPtr + "/enum", dir.label() + " value restricted to " + b,
            op);
      }
    } else if (dir.input()) {
      out.change(ChangeKind.RELAXED_CONSTRAINT, BASELINE, oldPtr + "/enum", dir.label() + " enum " + a + " was lifted",
          op);
    } else {
      out.breaking(Rule.ENUM_WIDENED_ON_OUTPUT, CURRENT, newPtr, dir.label() + " enum " + a
          + " was lifted: any value may arrive", op);
    }
  }

  /**
   * {@code x-extensible-enum}, the common convention for an open enum (the listed values are the known ones, others
   * may come): a listed value consumers send that is gone may now be rejected. Values added, the list dropped, and
   * any change on output break nobody, as consumers of an open enum already handle values they do not know.
   */
  private void extensibleEnum(JsonNode old, JsonNode cur, String newPtr, Direction dir, String op) {
    Set<String> a = values(old.get("x-extensible-enum"));
    Set<String> b = values(cur.get("x-extensible-enum"));
    if (a == null || b == null) {
      return;
    }
    Set<String> removed = new TreeSet<>(a);
    removed.removeAll(b);
    String what = "x-extensible-enum lost " + removed + " (now " + b + ")";
    if (removed.isEmpty()) {
      return;
    } else if (dir.input()) {
      out.breaking(Rule.ENUM_NARROWED, CURRENT, newPtr + "/x-extensible-enum", what, op);
    } else {
      out.change(ChangeKind.TIGHTENED_OUTPUT, CURRENT, newPtr + "/x-extensible-enum", dir.label() + " " + what,
          op);
    }
  }

  /** Enum values as canonical text, so 1 and 1.0 compare equal. */
  private static Set<String> values(JsonNode array) {
    if (array == null || !array.isArray()) {
      return null;
    }
    Set<String> set = new TreeSet<>();
    array.forEach(v -> set.add(v.isNumber() ? Constraints.plain(v.decimalValue()) : v.toString()));
    return set;
  }

  /**
   * A default says what an omitted value means. Consumers that omit an optional input get it: adding, removing
   * or changing it changes what their requests do. A required input is always sent, and a default on what
   * consumers receive does not change what they send, so there it changes nothing for them.
   */
  private void defaults(JsonNode old, JsonNode cur, String oldPtr, String newPtr, Direction dir, boolean alwaysSent,
      String op) {
    JsonNode a = old.get("default");
    JsonNode b = cur.get("default");
    if (a == null && b == null || a != null && b != null && Constraints.same(a, b)) {
      return;
    }
    String doc = b != null ? CURRENT : BASELINE;
    String ptr = (b != null ? newPtr : oldPtr) + "/default";
    String what = a == null ? "default " + b + " added" : b == null ? "default " + a + " was removed"
        : "default changed from " + a + " to " + b;
    if (dir.input() && !alwaysSent) {
      out.breaking(Rule.DEFAULT_CHANGED, doc, ptr, what, op);
    } else {
      out.change(ChangeKind.CHANGED_DEFAULT, doc, ptr, what + " on a " + (dir.input() ? "required " : "")
          + dir.label() + " value", op);
    }
  }

  /**
   * Required names of properties that travel this way: "required" does not apply to a readOnly property in a
   * request or a writeOnly one in a response (OpenAPI 3.0: it takes effect on the other direction only).
   */
  private void required(JsonNode old, JsonNode cur, String oldPtr, String newPtr, Direction dir, String op,
      Set<String> oldHidden, Set<String> newHidden) {
    Set<String> a = names(old.path("required"));
    Set<String> b = names(cur.path("required"));
    for (String name : newHidden) {
      if (oldHidden.contains(name) && a.contains(name) != b.contains(name)) {
        out.change(ChangeKind.CHANGED_PROPERTY_NOT_SENT, CURRENT, newPtr + "/required", (dir.input()
            ? "readOnly" : "writeOnly") + " property " + name + (b.contains(name) ? " became" : " is no longer")
            + " required, which has no effect in a " + dir.label(), op);
      }
    }
    a.removeAll(oldHidden);
    b.removeAll(newHidden);
    for (String name : b) {
      if (!a.contains(name)) {
        String property = dir.label() + " property " + name;
        if (dir.input()) {
          out.breaking(Rule.REQUIRED_PROPERTY_ADDED, CURRENT, newPtr + "/required", property + " became required", op);
        } else {
          out.change(ChangeKind.TIGHTENED_OUTPUT, CURRENT, newPtr + "/required", property + " is now always present",
              op);
        }
      }
    }
    for (String name : a) {
      if (!b.contains(name)) {
        String property = dir.label() + " property " + name + " is no longer required";
        if (dir.input()) {
          out.change(ChangeKind.RELAXED_CONSTRAINT, BASELINE, oldPtr + "/required", property, op);
        } else {
          out.breaking(Rule.RESPONSE_PROPERTY_NO_LONGER_REQUIRED, CURRENT, newPtr + "/required", property, op);
        }
      }
    }
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() ? "(none)" : node.asText();
  }
}
