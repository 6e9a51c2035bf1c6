package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.OpenApiDocs.escape;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a released baseline OpenAPI 3.1 document with the current one and reports every change that breaks
 * an existing consumer. Works on the JSON trees, so 3.1 constructs (type arrays with "null") are seen as
 * written. Schemas are compared by direction: what consumers send (input) may be widened, what they receive
 * (output) may be narrowed, never the reverse.
 */
public final class CompatibilityChecker {
  private static final int MAX_DEPTH = 64;
  private static final String BASELINE = "baseline";
  private static final String CURRENT = "current";

  enum Direction { INPUT, OUTPUT }

  private final JsonNode oldDoc;
  private final JsonNode newDoc;
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  private CompatibilityChecker(JsonNode oldDoc, JsonNode newDoc) {
    this.oldDoc = oldDoc;
    this.newDoc = newDoc;
  }

  public static Result compare(JsonNode baseline, JsonNode current) {
    CompatibilityChecker checker = new CompatibilityChecker(baseline, current);
    checker.paths();
    checker.securitySchemes();
    return new Result(List.copyOf(checker.findings.values()), List.copyOf(checker.notes));
  }

  /** Breaking findings, plus notes on changes judged harmless (listed in the report, never failing). */
  public record Result(List<Finding> breaking, List<String> notes) {
    public boolean compatible() {
      return breaking.isEmpty();
    }
  }

  private void paths() {
    JsonNode oldPaths = oldDoc.path("paths");
    JsonNode newPaths = newDoc.path("paths");
    oldPaths.fields().forEachRemaining(p -> {
      String path = p.getKey();
      String pathPtr = "/paths/" + escape(path);
      JsonNode newItem = newPaths.get(path);
      if (newItem == null) {
        add(Rule.PATH_REMOVED, BASELINE, pathPtr, "path " + path + " was removed or renamed", null);
        return;
      }
      for (String method : OpenApiDocs.METHODS) {
        JsonNode oldOp = p.getValue().get(method);
        if (oldOp == null) {
          continue;
        }
        String op = method.toUpperCase(Locale.ROOT) + " " + path;
        JsonNode newOp = newItem.get(method);
        if (newOp == null) {
          add(Rule.OPERATION_REMOVED, BASELINE, pathPtr + "/" + method, "operation " + op + " was removed", null);
          continue;
        }
        operation(op, pathPtr, method, p.getValue(), oldOp, newItem, newOp);
      }
    });
    newPaths.fields().forEachRemaining(p -> {
      JsonNode oldItem = oldPaths.get(p.getKey());
      for (String method : OpenApiDocs.METHODS) {
        if (p.getValue().has(method) && (oldItem == null || !oldItem.has(method))) {
          notes.add("added operation " + method.toUpperCase(Locale.ROOT) + " " + p.getKey());
        }
      }
    });
  }

  private void operation(String op, String pathPtr, String method, JsonNode oldItem, JsonNode oldOp,
      JsonNode newItem, JsonNode newOp) {
    String opPtr = pathPtr + "/" + method;
    String oldId = oldOp.path("operationId").asText(null);
    String newId = newOp.path("operationId").asText(null);
    if (oldId != null && !oldId.equals(newId)) {
      add(Rule.OPERATION_ID_CHANGED, CURRENT, opPtr + "/operationId",
          "operationId of " + op + " changed from " + oldId + " to " + newId, op);
    }
    parameters(op, pathPtr, opPtr, oldItem, oldOp, newItem, newOp);
    requestBody(op, opPtr, oldOp, newOp);
    responses(op, opPtr, oldOp, newOp);
    security(op, opPtr, oldOp, newOp);
  }

  private record Param(JsonNode node, String pointer) {}

  /** Effective parameters keyed by in:name; operation-level entries override path-level ones. */
  private static Map<String, Param> params(JsonNode doc, String pathPtr, String opPtr, JsonNode item, JsonNode op) {
    Map<String, Param> result = new LinkedHashMap<>();
    collect(doc, item.path("parameters"), pathPtr + "/parameters", result);
    collect(doc, op.path("parameters"), opPtr + "/parameters", result);
    return result;
  }

  private static void collect(JsonNode doc, JsonNode list, String listPtr, Map<String, Param> into) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      String ptr = listPtr + "/" + i;
      if (p.has("$ref")) {
        ptr = p.get("$ref").asText().substring(1);
        p = OpenApiDocs.resolve(doc, p.get("$ref").asText());
        if (p == null) {
          continue;
        }
      }
      into.put(p.path("in").asText() + ":" + p.path("name").asText(), new Param(p, ptr));
    }
  }

  private void parameters(String op, String pathPtr, String opPtr, JsonNode oldItem, JsonNode oldOp,
      JsonNode newItem, JsonNode newOp) {
    Map<String, Param> olds = params(oldDoc, pathPtr, opPtr, oldItem, oldOp);
    Map<String, Param> news = params(newDoc, pathPtr, opPtr, newItem, newOp);
    olds.forEach((key, old) -> {
      Param cur = news.get(key);
      String label = key.replace(":", " parameter ");
      if (cur == null) {
        add(Rule.PARAMETER_REMOVED, BASELINE, old.pointer(), label + " of " + op + " was removed or renamed", op);
        return;
      }
      if (!old.node().path("required").asBoolean(false) && cur.node().path("required").asBoolean(false)) {
        add(Rule.PARAMETER_NOW_REQUIRED, CURRENT, cur.pointer() + "/required",
            label + " of " + op + " became required", op);
      }
      schema(old.node().path("schema"), old.pointer() + "/schema", cur.node().path("schema"),
          cur.pointer() + "/schema", Direction.INPUT, op, 0, new HashSet<>());
    });
    news.forEach((key, cur) -> {
      if (olds.containsKey(key)) {
        return;
      }
      String label = key.replace(":", " parameter ");
      if (cur.node().path("required").asBoolean(false)) {
        add(Rule.PARAMETER_NOW_REQUIRED, CURRENT, cur.pointer(), "new required " + label + " on " + op, op);
      } else {
        notes.add("added optional " + label + " on " + op);
      }
    });
  }

  private void requestBody(String op, String opPtr, JsonNode oldOp, JsonNode newOp) {
    Ref oldBody = deref(oldDoc, oldOp.path("requestBody"), opPtr + "/requestBody");
    Ref newBody = deref(newDoc, newOp.path("requestBody"), opPtr + "/requestBody");
    boolean wasRequired = oldBody.node().path("required").asBoolean(false);
    if (!newBody.node().isMissingNode() && newBody.node().path("required").asBoolean(false) && !wasRequired) {
      add(Rule.REQUEST_BODY_NOW_REQUIRED, CURRENT, newBody.pointer() + "/required",
          "request body of " + op + " became required", op);
    }
    oldBody.node().path("content").fields().forEachRemaining(m -> {
      String media = m.getKey();
      String oldPtr = oldBody.pointer() + "/content/" + escape(media);
      JsonNode newMedia = newBody.node().path("content").get(media);
      if (newMedia == null) {
        add(Rule.REQUEST_MEDIA_TYPE_REMOVED, BASELINE, oldPtr,
            "request body media type " + media + " of " + op + " is no longer accepted", op);
        return;
      }
      schema(m.getValue().path("schema"), oldPtr + "/schema", newMedia.path("schema"),
          newBody.pointer() + "/content/" + escape(media) + "/schema", Direction.INPUT, op, 0, new HashSet<>());
    });
  }

  private void responses(String op, String opPtr, JsonNode oldOp, JsonNode newOp) {
    JsonNode newResponses = newOp.path("responses");
    oldOp.path("responses").fields().forEachRemaining(r -> {
      String status = r.getKey();
      boolean success = status.startsWith("2");
      String oldPtr = opPtr + "/responses/" + escape(status);
      if (!newResponses.has(status)) {
        if (success) {
          add(Rule.RESPONSE_STATUS_REMOVED, BASELINE, oldPtr, "response " + status + " of " + op + " was removed", op);
        } else {
          // Consumers treat any non-2xx as an error anyway; dropping its documentation breaks nobody.
          notes.add("error response " + status + " of " + op + " is no longer documented");
        }
        return;
      }
      Ref oldResp = deref(oldDoc, r.getValue(), oldPtr);
      Ref newResp = deref(newDoc, newResponses.get(status), oldPtr);
      oldResp.node().path("content").fields().forEachRemaining(m -> {
        String media = m.getKey();
        JsonNode newMedia = newResp.node().path("content").get(media);
        String mediaPtr = oldResp.pointer() + "/content/" + escape(media);
        if (newMedia == null) {
          if (success) {
            add(Rule.RESPONSE_MEDIA_TYPE_REMOVED, BASELINE, mediaPtr,
                "response " + status + " of " + op + " no longer comes as " + media, op);
          } else {
            notes.add("error response " + status + " of " + op + " no longer documents " + media);
          }
          return;
        }
        schema(m.getValue().path("schema"), mediaPtr + "/schema", newMedia.path("schema"),
            newResp.pointer() + "/content/" + escape(media) + "/schema", Direction.OUTPUT, op, 0, new HashSet<>());
      });
    });
    newResponses.fieldNames().forEachRemaining(status -> {
      if (!oldOp.path("responses").has(status)) {
        notes.add("added response " + status + " to " + op);
      }
    });
  }

  /** Breaking unless every credential set the baseline accepted is still accepted. */
  private void security(String op, String opPtr, JsonNode oldOp, JsonNode newOp) {
    List<Map<String, Set<String>>> olds = requirements(oldOp.has("security") ? oldOp.get("security") : oldDoc.path("security"));
    List<Map<String, Set<String>>> news = requirements(newOp.has("security") ? newOp.get("security") : newDoc.path("security"));
    String ptr = newOp.has("security") ? opPtr + "/security" : "/security";
    for (Map<String, Set<String>> old : olds) {
      boolean stillAccepted = news.stream().anyMatch(n -> old.keySet().containsAll(n.keySet())
          && n.entrySet().stream().allMatch(e -> old.get(e.getKey()).containsAll(e.getValue())));
      if (!stillAccepted) {
        add(Rule.SECURITY_CHANGED, CURRENT, ptr, "security requirement changed from " + olds + " to " + news, op);
        return;
      }
    }
  }

  /** Security requirement alternatives; no requirement at all is one empty alternative (anonymous). */
  private static List<Map<String, Set<String>>> requirements(JsonNode security) {
    List<Map<String, Set<String>>> result = new ArrayList<>();
    if (!security.isArray() || security.isEmpty()) {
      result.add(Map.of());
      return result;
    }
    security.forEach(alt -> {
      Map<String, Set<String>> req = new LinkedHashMap<>();
      alt.fields().forEachRemaining(s -> {
        Set<String> scopes = new TreeSet<>();
        s.getValue().forEach(v -> scopes.add(v.asText()));
        req.put(s.getKey(), scopes);
      });
      result.add(req);
    });
    return result;
  }

  private void securitySchemes() {
    JsonNode news = newDoc.path("components").path("securitySchemes");
    oldDoc.path("components").path("securitySchemes").fields().forEachRemaining(s -> {
      String ptr = "/components/securitySchemes/" + escape(s.getKey());
      JsonNode cur = news.get(s.getKey());
      if (cur == null) {
        add(Rule.SECURITY_SCHEME_CHANGED, BASELINE, ptr, "security scheme " + s.getKey() + " was removed", null);
        return;
      }
      for (String field : List.of("type", "scheme", "in", "name", "openIdConnectUrl", "flows")) {
        JsonNode a = s.getValue().path(field);
        JsonNode b = cur.path(field);
        boolean same = field.equals("scheme")
            ? a.asText("").equalsIgnoreCase(b.asText("")) // HTTP auth scheme names are case-insensitive
            : a.equals(b);
        if (!same) {
          add(Rule.SECURITY_SCHEME_CHANGED, CURRENT, ptr + "/" + field,
              "security scheme " + s.getKey() + " " + field + " changed from " + a + " to " + b, null);
        }
      }
    });
  }

  private record Ref(JsonNode node, String pointer) {}

  /** Follows $ref chains; the pointer then names the component, which is where an author must look. */
  private static Ref deref(JsonNode doc, JsonNode node, String pointer) {
    int hops = 0;
    while (node != null && node.has("$ref") && hops++ < MAX_DEPTH) {
      String ref = node.get("$ref").asText();
      JsonNode target = OpenApiDocs.resolve(doc, ref);
      if (target == null) {
        break;
      }
      pointer = ref.substring(1);
      node = target;
    }
    return new Ref(node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node, pointer);
  }

  private void schema(JsonNode oldRaw, String oldRawPtr, JsonNode newRaw, String newRawPtr, Direction dir,
      String op, int depth, Set<String> seen) {
    if (depth > MAX_DEPTH || oldRaw.isMissingNode() || newRaw.isMissingNode()) {
      return;
    }
    Ref o = deref(oldDoc, oldRaw, oldRawPtr);
    Ref n = deref(newDoc, newRaw, newRawPtr);
    if (!seen.add(o.pointer() + "|" + n.pointer() + "|" + dir)) {
      return; // recursive schema already being compared on this branch
    }
    JsonNode old = o.node();
    JsonNode cur = n.node();
    if (!old.isObject() || !cur.isObject()) {
      return;
    }
    types(old, cur, o.pointer(), n.pointer(), dir, op);
    format(old, cur, n.pointer(), dir, op);
    enums(old, cur, n.pointer(), dir, op);
    defaults(old, cur, o.pointer(), n.pointer(), op);
    required(old, cur, n.pointer(), dir, op);
    for (String keyword : List.of("allOf", "anyOf", "oneOf", "not")) {
      if (!old.path(keyword).equals(cur.path(keyword))) {
        // Composition is not analysed member by member here; any change is flagged for review.
        add(Rule.TYPE_CHANGED, CURRENT, n.pointer() + "/" + keyword, keyword + " changed (composition)", op);
      }
    }
    old.path("properties").fields().forEachRemaining(p -> {
      String name = p.getKey();
      String oldPtr = o.pointer() + "/properties/" + escape(name);
      JsonNode curProp = cur.path("properties").get(name);
      if (curProp == null) {
        add(dir == Direction.OUTPUT ? Rule.RESPONSE_PROPERTY_REMOVED : Rule.REQUEST_PROPERTY_REMOVED, BASELINE,
            oldPtr, "property " + name + " was removed or renamed", op);
        return;
      }
      schema(p.getValue(), oldPtr, curProp, n.pointer() + "/properties/" + escape(name), dir, op, depth + 1, seen);
    });
    cur.path("properties").fieldNames().forEachRemaining(name -> {
      if (!old.path("properties").has(name)) {
        notes.add("added " + (dir == Direction.OUTPUT ? "response" : "request") + " property " + name + " at "
            + n.pointer() + "/properties/" + escape(name));
      }
    });
    if (old.has("items") && cur.has("items")) {
      schema(old.get("items"), o.pointer() + "/items", cur.get("items"), n.pointer() + "/items", dir, op,
          depth + 1, seen);
    }
    seen.remove(o.pointer() + "|" + n.pointer() + "|" + dir);
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

  private void types(JsonNode old, JsonNode cur, String oldPtr, String newPtr, Direction dir, String op) {
    Set<String> a = typeSet(old);
    Set<String> b = typeSet(cur);
    if (a.equals(b)) {
      return;
    }
    // Input: every type consumers could send must still be accepted. Output: nothing new may arrive.
    Set<String> from = dir == Direction.INPUT ? a : b;
    Set<String> to = dir == Direction.INPUT ? b : a;
    Set<String> lost = new TreeSet<>();
    if (from.isEmpty() && !to.isEmpty()) {
      lost.add("any");
    }
    from.stream().filter(t -> !covers(to, t)).forEach(lost::add);
    if (!lost.isEmpty()) {
      String what = "type changed from " + (a.isEmpty() ? "any" : a) + " to " + (b.isEmpty() ? "any" : b) + " ("
          + (dir == Direction.INPUT ? "no longer accepts " : "may now return ") + lost + ")";
      add(Rule.TYPE_CHANGED, CURRENT, cur.has("type") ? newPtr + "/type" : newPtr, what, op);
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
      boolean breaks = dir == Direction.INPUT ? rb < ra : rb > ra;
      if (!breaks) {
        notes.add("format " + text(a) + " -> " + text(b) + " at " + newPtr + " (" + dir.name().toLowerCase(Locale.ROOT)
            + ", harmless)");
        return;
      }
    }
    add(Rule.FORMAT_CHANGED, CURRENT, newPtr + "/format", "format changed from " + text(a) + " to " + text(b), op);
  }

  private static int integerWidth(JsonNode format) {
    if (format.isMissingNode() || format.asText().equals("int32")) {
      return 32;
    }
    return format.asText().equals("int64") ? 64 : 0;
  }

  private void enums(JsonNode old, JsonNode cur, String newPtr, Direction dir, String op) {
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
        add(Rule.ENUM_NARROWED, CURRENT, newPtr + "/enum", "enum lost " + removed + " (now " + b + ")", op);
      }
      if (!added.isEmpty() && dir == Direction.OUTPUT) {
        add(Rule.ENUM_WIDENED_ON_OUTPUT, CURRENT, newPtr + "/enum", "response enum gained " + added, op);
      } else if (!added.isEmpty()) {
        notes.add("input enum at " + newPtr + "/enum gained " + added);
      }
    } else if (a == null && dir == Direction.INPUT) {
      add(Rule.ENUM_NARROWED, CURRENT, newPtr + "/enum", "a free value is now restricted to " + b, op);
    } else if (b == null && dir == Direction.OUTPUT) {
      add(Rule.ENUM_WIDENED_ON_OUTPUT, CURRENT, newPtr, "response enum " + a + " was lifted: any value may arrive", op);
    }
  }

  /** Enum values as canonical text, so 1 and 1.0 compare equal. */
  private static Set<String> values(JsonNode array) {
    if (array == null || !array.isArray()) {
      return null;
    }
    Set<String> set = new TreeSet<>();
    array.forEach(v -> set.add(v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.toString()));
    return set;
  }

  private void defaults(JsonNode old, JsonNode cur, String oldPtr, String newPtr, String op) {
    if (!old.has("default")) {
      return;
    }
    JsonNode a = old.get("default");
    JsonNode b = cur.get("default");
    if (b == null) {
      add(Rule.DEFAULT_CHANGED, BASELINE, oldPtr + "/default", "default " + a + " was removed", op);
    } else if (!(a.equals(b) || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0))) {
      add(Rule.DEFAULT_CHANGED, CURRENT, newPtr + "/default", "default changed from " + a + " to " + b, op);
    }
  }

  private void required(JsonNode old, JsonNode cur, String newPtr, Direction dir, String op) {
    Set<String> a = new TreeSet<>();
    old.path("required").forEach(v -> a.add(v.asText()));
    Set<String> b = new TreeSet<>();
    cur.path("required").forEach(v -> b.add(v.asText()));
    if (dir == Direction.INPUT) {
      b.stream().filter(name -> !a.contains(name)).forEach(name ->
          add(Rule.REQUIRED_PROPERTY_ADDED, CURRENT, newPtr + "/required", "property " + name + " became required", op));
    } else {
      a.stream().filter(name -> !b.contains(name)).forEach(name ->
          add(Rule.RESPONSE_PROPERTY_NO_LONGER_REQUIRED, CURRENT, newPtr + "/required",
              "property " + name + " is no longer required", op));
    }
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() ? "(none)" : node.asText();
  }

  /** One finding per rule, place and change; a shared component reached from several operations lists them all. */
  private void add(Rule rule, String document, String pointer, String what, String usedBy) {
    String key = rule + "|" + pointer + "|" + what;
    Finding existing = findings.get(key);
    Set<String> uses = existing == null ? new LinkedHashSet<>() : new LinkedHashSet<>(existing.usedBy());
    if (usedBy != null) {
      uses.add(usedBy);
    }
    findings.put(key, new Finding(rule, document, pointer, what, java.util.Collections.unmodifiableSet(uses)));
  }
}
