package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.OpenApiDocs.escape;
import static ai.spice.cloud.spec.compat.Collector.BASELINE;
import static ai.spice.cloud.spec.compat.Collector.CURRENT;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a baseline OpenAPI 3.1 (or 3.0) document with the current one and reports every change that breaks
 * an existing consumer, and every other change, typed, for versioning and the changelog. Works on the JSON
 * trees, so 3.1 constructs (type arrays with "null") are seen as written. Schemas are compared by direction:
 * what consumers send (input) may be widened, what they receive (output) may be narrowed, never the reverse.
 * Webhooks and callbacks are operations the API sends: their requests are the consumer's output and the answers
 * of the consumer's receiver its input, so every direction is reversed.
 */
public final class CompatibilityChecker {
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]*)}");
  /** OpenAPI: header parameters with these names are ignored (they are set by other means). */
  private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

  private final JsonNode oldDoc;
  private final JsonNode newDoc;
  private final Collector out = new Collector();
  private final SchemaComparator schemas;

  private CompatibilityChecker(JsonNode oldDoc, JsonNode newDoc) {
    this.oldDoc = oldDoc;
    this.newDoc = newDoc;
    this.schemas = new SchemaComparator(oldDoc, newDoc, out, new HashMap<>());
  }

  /**
   * Compares two OpenAPI 3.1 or 3.0 documents (3.0 read as the 3.1 it means, see {@link OpenApi30}).
   *
   * @throws OpenApi30.UnsupportedDocumentException for any other version
   */
  public static Result compare(JsonNode baseline, JsonNode current) {
    CompatibilityChecker checker = new CompatibilityChecker(OpenApi30.asThreeOne(baseline, BASELINE),
        OpenApi30.asThreeOne(current, CURRENT));
    checker.paths();
    checker.webhooks();
    checker.securitySchemes();
    return new Result(checker.out.findings(), checker.out.changes());
  }

  /** Breaking findings, and the changes judged harmless (typed; they decide between a minor and a patch). */
  public record Result(List<Finding> breaking, List<Change> changes) {
    public boolean compatible() {
      return breaking.isEmpty();
    }
  }

  /** Path templates without parameter names: /apps/{appId} and /apps/{id} are the same path to a consumer. */
  private static String shape(String path) {
    return TEMPLATE.matcher(path).replaceAll("{}");
  }

  private static List<String> templateNames(String path) {
    List<String> names = new ArrayList<>();
    Matcher m = TEMPLATE.matcher(path);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Baseline path to current path: the same key, else the one current path of the same shape. */
  private Map<String, String> matchPaths() {
    JsonNode oldPaths = oldDoc.path("paths");
    JsonNode newPaths = newDoc.path("paths");
    Map<String, List<String>> unmatchedNewByShape = new HashMap<>();
    newPaths.fieldNames().forEachRemaining(p -> {
      if (!oldPaths.has(p)) {
        unmatchedNewByShape.computeIfAbsent(shape(p), k -> new ArrayList<>()).add(p);
      }
    });
    Map<String, String> matched = new LinkedHashMap<>();
    oldPaths.fieldNames().forEachRemaining(p -> {
      if (newPaths.has(p)) {
        matched.put(p, p);
        return;
      }
      List<String> candidates = unmatchedNewByShape.get(shape(p));
      if (candidates != null && candidates.size() == 1) {
        matched.put(p, candidates.remove(0));
      }
    });
    return matched;
  }

  private void paths() {
    JsonNode oldPaths = oldDoc.path("paths");
    JsonNode newPaths = newDoc.path("paths");
    Map<String, String> matched = matchPaths();
    Map<String, String> oldOfNew = new HashMap<>();
    matched.forEach((o, n) -> oldOfNew.put(n, o));
    oldPaths.fields().forEachRemaining(p -> {
      String path = p.getKey();
      String oldPathPtr = "/paths/" + escape(path);
      String newPath = matched.get(path);
      PathItem oldItem = PathItem.of(oldDoc, p.getValue(), oldPathPtr);
      if (newPath == null) {
        // Removing a path removes its operations: one with none (only parameters, or empty) offered nothing to call.
        if (OpenApiDocs.METHODS.stream().anyMatch(oldItem.node()::has)) {
          add(Rule.PATH_REMOVED, BASELINE, oldPathPtr, "path " + path + " was removed or renamed", null);
        }
        return;
      }
      String newPathPtr = "/paths/" + escape(newPath);
      Map<String, String> oldNameOfNew = new HashMap<>();
      List<String> oldNames = templateNames(path);
      List<String> newNames = templateNames(newPath);
      for (int i = 0; i < oldNames.size(); i++) {
        oldNameOfNew.put(newNames.get(i), oldNames.get(i));
        if (!oldNames.get(i).equals(newNames.get(i))) {
          out.change(ChangeKind.RENAMED_PATH_PARAMETER, CURRENT, newPathPtr, "path parameter " + oldNames.get(i)
              + " of " + path + " is now " + newNames.get(i) + " (" + newPath + "); generated method parameters"
              + " take the new name", null);
        }
      }
      PathItem newItem = PathItem.of(newDoc, newPaths.get(newPath), newPathPtr);
      for (String method : OpenApiDocs.METHODS) {
        JsonNode oldOp = oldItem.node().get(method);
        if (oldOp == null) {
          continue;
        }
        String op = method.toUpperCase(Locale.ROOT) + " " + newPath;
        JsonNode newOp = newItem.node().get(method);
        if (newOp == null) {
          add(Rule.OPERATION_REMOVED, BASELINE, oldItem.pointer(method), "operation "
              + method.toUpperCase(Locale.ROOT) + " " + path + " was removed", null);
          continue;
        }
        new Operation(op, method, oldItem, oldOp, newItem, newOp, oldNameOfNew, false).compare();
      }
    });
    newPaths.fields().forEachRemaining(p -> {
      String oldPath = oldOfNew.get(p.getKey());
      JsonNode oldItem = oldPath == null ? null
          : PathItem.of(oldDoc, oldPaths.get(oldPath), "/paths/" + escape(oldPath)).node();
      PathItem newItem = PathItem.of(newDoc, p.getValue(), "/paths/" + escape(p.getKey()));
      for (String method : OpenApiDocs.METHODS) {
        if (newItem.node().has(method) && (oldItem == null || !oldItem.has(method))) {
          String op = method.toUpperCase(Locale.ROOT) + " " + p.getKey();
          String id = newItem.node().get(method).path("operationId").asText("");
          out.change(ChangeKind.ADDED_OPERATION, CURRENT, newItem.pointer(method),
              "added operation " + op + (id.isEmpty() ? "" : " (" + id + ")"), op);
        }
      }
    });
  }

  /** Top-level webhooks (OpenAPI 3.1), matched by name. */
  private void webhooks() {
    reversed(items(oldDoc, oldDoc.path("webhooks"), "/webhooks"), items(newDoc, newDoc.path("webhooks"), "/webhooks"),
        (name, method) -> "webhook " + name + " (" + method + ")");
  }

  /** A callback's path items by URL expression; none when the callback is absent. */
  private static Map<String, PathItem> expressions(JsonNode doc, Ref callback) {
    return callback == null ? Map.of() : items(doc, callback.node(), callback.pointer());
  }

  /** Path items by key, each resolved through $ref as {@link PathItem} reads them. */
  private static Map<String, PathItem> items(JsonNode doc, JsonNode map, String mapPtr) {
    Map<String, PathItem> result = new LinkedHashMap<>();
    map.fields().forEachRemaining(e -> result.put(e.getKey(),
        PathItem.of(doc, e.getValue(), mapPtr + "/" + escape(e.getKey()))));
    return result;
  }

  /** Callbacks by name, each resolved through $ref (a Reference Object to components/callbacks). */
  private static Map<String, Ref> callbackMap(JsonNode doc, JsonNode map, String mapPtr) {
    Map<String, Ref> result = new LinkedHashMap<>();
    map.fields().forEachRemaining(e -> result.put(e.getKey(),
        Ref.of(doc, e.getValue(), mapPtr + "/" + escape(e.getKey()))));
    return result;
  }

  /**
   * Webhook or callback path items, matched by key. A request the API stops sending breaks no receiver (it
   * only gets fewer requests), so a removal is a change; a new one is an added operation.
   */
  private void reversed(Map<String, PathItem> olds, Map<String, PathItem> news,
      BiFunction<String, String, String> label) {
    olds.forEach((key, oldItem) -> {
      PathItem newItem = news.get(key);
      for (String method : OpenApiDocs.METHODS) {
        JsonNode oldOp = oldItem.node().get(method);
        if (oldOp == null) {
          continue;
        }
        String op = label.apply(key, method.toUpperCase(Locale.ROOT));
        JsonNode newOp = newItem == null ? null : newItem.node().get(method);
        if (newOp == null) {
          add(Rule.CALLBACK_REMOVED, BASELINE, oldItem.pointer(method), op + " is no longer sent", op);
          continue;
        }
        new Operation(op, method, oldItem, oldOp, newItem, newOp, Map.of(), true).compare();
      }
    });
    news.forEach((key, newItem) -> {
      PathItem oldItem = olds.get(key);
      for (String method : OpenApiDocs.METHODS) {
        if (newItem.node().has(method) && (oldItem == null || !oldItem.node().has(method))) {
          String op = label.apply(key, method.toUpperCase(Locale.ROOT));
          out.change(ChangeKind.ADDED_OPERATION, CURRENT, newItem.pointer(method), "added " + op, op);
        }
      }
    });
  }

  private void add(Rule rule, String document, String pointer, String what, String usedBy) {
    out.breaking(rule, document, pointer, what, usedBy);
  }

  private record Param(JsonNode node, String pointer) {
    String label() {
      return node.path("in").asText() + " parameter " + node.path("name").asText();
    }

    boolean required() {
      return node.path("required").asBoolean(false);
    }
  }

  /** One operation present in both documents. */
  private final class Operation {
    private final String op;
    private final String oldOpPtr;
    private final String newOpPtr;
    private final PathItem oldItem;
    private final JsonNode oldOp;
    private final PathItem newItem;
    private final JsonNode newOp;
    private final Map<String, String> oldNameOfNew;
    /** A webhook or callback: the API sends the request, the consumer's receiver answers. */
    private final boolean callback;
    /** Schema pairs compared for this operation: each once, however often it is reached. */
    private final Set<String> visited = new HashSet<>();

    Operation(String op, String method, PathItem oldItem, JsonNode oldOp, PathItem newItem, JsonNode newOp,
        Map<String, String> oldNameOfNew, boolean callback) {
      this.op = op;
      this.oldOpPtr = oldItem.pointer(method);
      this.newOpPtr = newItem.pointer(method);
      this.oldItem = oldItem;
      this.oldOp = oldOp;
      this.newItem = newItem;
      this.newOp = newOp;
      this.oldNameOfNew = oldNameOfNew;
      this.callback = callback;
    }

    /** What the request carries: the consumer's input, or for a callback the payload, its output. */
    private Direction request() {
      return callback ? Direction.PAYLOAD : Direction.INPUT;
    }

    /** The answer: the consumer's output, or for a callback its receiver's reply, its input. */
    private Direction answer() {
      return callback ? Direction.REPLY : Direction.OUTPUT;
    }

    void compare() {
      String oldId = oldOp.path("operationId").asText(null);
      String newId = newOp.path("operationId").asText(null);
      if (oldId != null && !oldId.equals(newId)) {
        add(Rule.OPERATION_ID_CHANGED, CURRENT, newOpPtr + "/operationId",
            "operationId of " + op + " changed from " + oldId + " to " + newId, op);
      }
      parameters();
      requestBody();
      responses();
      if (!callback) {
        // A callback's security says how the API authenticates to the receiver; its own callbacks are not walked.
        security();
        callbacks();
      }
    }

    /** Callbacks by name, then by URL expression; each compared like a webhook. */
    private void callbacks() {
      Map<String, Ref> olds = callbackMap(oldDoc, oldOp.path("callbacks"), oldOpPtr + "/callbacks");
      Map<String, Ref> news = callbackMap(newDoc, newOp.path("callbacks"), newOpPtr + "/callbacks");
      Set<String> names = new LinkedHashSet<>(olds.keySet());
      names.addAll(news.keySet());
      for (String name : names) {
        reversed(expressions(oldDoc, olds.get(name)), expressions(newDoc, news.get(name)),
            (expression, method) -> "callback " + name + " (" + method + " " + expression + ") of " + op);
      }
    }

    private void schema(JsonNode oldSchema, String oldPtr, JsonNode newSchema, String newPtr, Direction dir) {
      schemas.compare(oldSchema, oldPtr, newSchema, newPtr, dir, op, visited);
    }

    /**
     * Effective parameters keyed by location and name (header names case-insensitively, path parameters by
     * their baseline name); operation-level entries override path-level ones.
     */
    private Map<String, Param> params(JsonNode doc, String opPtr, PathItem item, JsonNode operation,
        Map<String, String> pathNames) {
      Map<String, Param> result = new LinkedHashMap<>();
      collect(doc, item.node().path("parameters"), item.pointer("parameters"), pathNames, result);
      collect(doc, operation.path("parameters"), opPtr + "/parameters", pathNames, result);
      return result;
    }

    private void collect(JsonNode doc, JsonNode list, String listPtr, Map<String, String> pathNames,
        Map<String, Param> into) {
      for (int i = 0; i < list.size(); i++) {
        Ref p = Ref.of(doc, list.get(i), listPtr + "/" + i);
        if (!p.node().isObject()) {
          continue;
        }
        String in = p.node().path("in").asText();
        String name = p.node().path("name").asText();
        if (in.equals("header")) {
          name = name.toLowerCase(Locale.ROOT);
          if (IGNORED_HEADERS.contains(name)) {
            continue;
          }
        } else if (in.equals("path")) {
          name = pathNames.getOrDefault(name, name);
        }
        into.put(in + ":" + name, new Param(p.node(), p.pointer()));
      }
    }

    private void parameters() {
      Map<String, Param> olds = params(oldDoc, oldOpPtr, oldItem, oldOp, Map.of());
      Map<String, Param> news = params(newDoc, newOpPtr, newItem, newOp, oldNameOfNew);
      olds.forEach((key, old) -> {
        Param cur = news.get(key);
        if (cur == null) {
          add(callback ? Rule.CALLBACK_PARAMETER_REMOVED : Rule.PARAMETER_REMOVED, BASELINE, old.pointer(),
              old.label() + " of " + op + " was removed or renamed", op);
          return;
        }
        if (!old.required() && cur.required()) {
          if (callback) {
            out.change(ChangeKind.TIGHTENED_OUTPUT, CURRENT, cur.pointer() + "/required", old.label() + " of " + op
                + " is now always sent", op);
          } else {
            add(Rule.PARAMETER_NOW_REQUIRED, CURRENT, cur.pointer() + "/required", old.label() + " of " + op
                + " became required", op);
          }
        } else if (old.required() && !cur.required()) {
          if (callback) {
            add(Rule.CALLBACK_PARAMETER_NO_LONGER_REQUIRED, CURRENT, cur.pointer(), old.label() + " of " + op
                + " is no longer required", op);
          } else {
            out.change(ChangeKind.RELAXED_CONSTRAINT, CURRENT, cur.pointer(), old.label() + " of " + op
                + " is no longer required", op);
          }
        }
        Ref a = paramSchema(old);
        Ref b = paramSchema(cur);
        Serialization.compare(old.node(), Ref.of(oldDoc, a.node(), a.pointer()).node(), cur.node(),
            Ref.of(newDoc, b.node(), b.pointer()).node(), cur.pointer(), request(), old.label() + " of " + op,
            op, out);
        schemas.compare(a.node(), a.pointer(), b.node(), b.pointer(), request(), op, visited, old.required());
      });
      news.forEach((key, cur) -> {
        if (olds.containsKey(key)) {
          return;
        }
        if (callback) {
          // Receivers ignore what they do not read.
          out.change(ChangeKind.ADDED_OPTIONAL_PARAMETER, CURRENT, cur.pointer(), "added " + cur.label() + " to "
              + op, op);
        } else if (cur.required()) {
          add(Rule.PARAMETER_NOW_REQUIRED, CURRENT, cur.pointer(), "new required " + cur.label() + " on " + op, op);
        } else {
          out.change(ChangeKind.ADDED_OPTIONAL_PARAMETER, CURRENT, cur.pointer(), "added optional " + cur.label()
              + " on " + op, op);
        }
      });
    }

    /** A parameter's schema, or the schema of its single {@code content} entry. */
    private Ref paramSchema(Param p) {
      if (p.node().has("schema")) {
        return new Ref(p.node().get("schema"), p.pointer() + "/schema");
      }
      var media = p.node().path("content").fields();
      if (media.hasNext()) {
        var m = media.next();
        return new Ref(m.getValue().path("schema"), p.pointer() + "/content/" + escape(m.getKey()) + "/schema");
      }
      return new Ref(com.fasterxml.jackson.databind.node.MissingNode.getInstance(), p.pointer());
    }

    private void requestBody() {
      Ref oldBody = Ref.of(oldDoc, oldOp.path("requestBody"), oldOpPtr + "/requestBody");
      Ref newBody = Ref.of(newDoc, newOp.path("requestBody"), newOpPtr + "/requestBody");
      boolean wasRequired = oldBody.node().path("required").asBoolean(false);
      boolean isRequired = newBody.node().path("required").asBoolean(false);
      JsonNode oldContent = oldBody.node().path("content");
      JsonNode newContent = newBody.node().path("content");
      if (callback) {
        callbackBody(oldBody, newBody, wasRequired, isRequired);
      } else if (!newBody.node().isMissingNode() && isRequired && !wasRequired) {
        add(Rule.REQUEST_BODY_NOW_REQUIRED, CURRENT, newBody.pointer() + "/required",
            "request body of " + op + " became required", op);
      } else if (wasRequired && !isRequired) {
        out.change(ChangeKind.RELAXED_CONSTRAINT, CURRENT, newBody.pointer(), "request body of " + op
            + " is no longer required", op);
      }
      boolean bodyGone = callback && newContent.isEmpty();
      oldContent.fields().forEachRemaining(m -> {
        String media = m.getKey();
        String oldPtr = oldBody.pointer() + "/content/" + escape(media);
        JsonNode newMedia = newContent.get(media);
        if (newMedia == null) {
          if (!callback) {
            add(Rule.REQUEST_MEDIA_TYPE_REMOVED, BASELINE, oldPtr,
                "request body media type " + media + " of " + op + " is no longer accepted", op);
          } else if (!bodyGone) {
            // Receivers decode every form the API may send; one form fewer is a narrower output.
            out.change(ChangeKind.TIGHTENED_OUTPUT, BASELINE, oldPtr, "request body of " + op
                + " is no longer sent as " + media, op);
          }
          return;
        }
        // A required body is always sent: a default on its root is moot.
        schemas.compare(m.getValue().path("schema"), oldPtr + "/schema", newMedia.path("schema"),
            newBody.pointer() + "/content/" + escape(media) + "/schema", request(), op, visited, wasRequired);
      });
      newContent.fieldNames().forEachRemaining(media -> {
        if (oldContent.has(media)) {
          return;
        }
        String ptr = newBody.pointer() + "/content/" + escape(media);
        if (callback && !oldContent.isEmpty()) {
          add(Rule.CALLBACK_REQUEST_MEDIA_TYPE_ADDED, CURRENT, ptr, "request body of " + op + " may now be sent as "
              + media, op);
        } else {
          out.change(ChangeKind.ADDED_MEDIA_TYPE, CURRENT, ptr, "request body of " + op + " is also "
              + (callback ? "sent" : "accepted") + " as " + media, op);
        }
      });
    }

    /**
     * A callback's payload is the receiver's input: one that may now be absent breaks receivers that parse it.
     * Stricter than the letter of {@code required: false} (which already allowed no body), because webhook
     * documents rarely mark the payload required although receivers rely on it.
     */
    private void callbackBody(Ref oldBody, Ref newBody, boolean wasRequired, boolean isRequired) {
      boolean hadContent = !oldBody.node().path("content").isEmpty();
      if (hadContent && newBody.node().path("content").isEmpty()) {
        add(Rule.CALLBACK_REQUEST_BODY_NO_LONGER_REQUIRED, BASELINE, oldBody.pointer(), "request body of " + op
            + " is no longer sent", op);
      } else if (wasRequired && !isRequired) {
        add(Rule.CALLBACK_REQUEST_BODY_NO_LONGER_REQUIRED, CURRENT, newBody.pointer(), "request body of " + op
            + " is no longer required", op);
      } else if (isRequired && !wasRequired) {
        out.change(ChangeKind.TIGHTENED_OUTPUT, CURRENT, newBody.pointer() + "/required", "request body of " + op
            + " is now always sent", op);
      }
    }

    private void responses() {
      JsonNode oldResponses = oldOp.path("responses");
      JsonNode newResponses = newOp.path("responses");
      oldResponses.fields().forEachRemaining(r -> {
        String status = r.getKey();
        boolean success = status.startsWith("2");
        String oldPtr = oldOpPtr + "/responses/" + escape(status);
        String newPtr = newOpPtr + "/responses/" + escape(status);
        if (!newResponses.has(status)) {
          if (callback) {
            // The receiver's answer is the API's input: a status it no longer documents may now be mistreated.
            add(Rule.CALLBACK_RESPONSE_STATUS_REMOVED, BASELINE, oldPtr, "answer " + status + " to " + op
                + " is no longer documented", op);
          } else if (success) {
            add(Rule.RESPONSE_STATUS_REMOVED, BASELINE, oldPtr, "response " + status + " of " + op + " was removed",
                op);
          } else {
            // Consumers treat any non-2xx as an error anyway; dropping its documentation breaks nobody.
            out.change(ChangeKind.REMOVED_ERROR_RESPONSE, BASELINE, oldPtr, "error response " + status + " of " + op
                + " is no longer documented", op);
          }
          return;
        }
        Ref oldResp = Ref.of(oldDoc, r.getValue(), oldPtr);
        Ref newResp = Ref.of(newDoc, newResponses.get(status), newPtr);
        JsonNode newContent = newResp.node().path("content");
        oldResp.node().path("content").fields().forEachRemaining(m -> {
          String media = m.getKey();
          JsonNode newMedia = newContent.get(media);
          String mediaPtr = oldResp.pointer() + "/content/" + escape(media);
          if (newMedia == null) {
            if (callback) {
              add(Rule.CALLBACK_RESPONSE_MEDIA_TYPE_REMOVED, BASELINE, mediaPtr, "answer " + status + " to " + op
                  + " is no longer accepted as " + media, op);
            } else if (success) {
              add(Rule.RESPONSE_MEDIA_TYPE_REMOVED, BASELINE, mediaPtr,
                  "response " + status + " of " + op + " no longer comes as " + media, op);
            } else {
              out.change(ChangeKind.REMOVED_ERROR_RESPONSE, BASELINE, mediaPtr, "error response " + status + " of "
                  + op + " no longer documents " + media, op);
            }
            return;
          }
          schema(m.getValue().path("schema"), mediaPtr + "/schema", newMedia.path("schema"),
              newResp.pointer() + "/content/" + escape(media) + "/schema", answer());
        });
        newContent.fieldNames().forEachRemaining(media -> {
          if (!oldResp.node().path("content").has(media)) {
            out.change(ChangeKind.ADDED_MEDIA_TYPE, CURRENT, newResp.pointer() + "/content/" + escape(media),
                "response " + status + " of " + op + " may also come as " + media, op);
          }
        });
        if (callback) {
          answerHeaders(status, oldResp, newResp);
        } else {
          headers(status, oldResp, newResp);
        }
      });
      newResponses.fieldNames().forEachRemaining(status -> {
        if (!oldResponses.has(status)) {
          out.change(ChangeKind.ADDED_RESPONSE_STATUS, CURRENT, newOpPtr + "/responses/" + escape(status),
              "added response " + status + " to " + op, op);
        }
      });
    }

    /** Response headers are output: removed, made optional or retyped breaks consumers that read them. */
    private void headers(String status, Ref oldResp, Ref newResp) {
      Map<String, Header> olds = headerMap(oldDoc, oldResp);
      Map<String, Header> news = headerMap(newDoc, newResp);
      olds.forEach((key, old) -> {
        Header cur = news.get(key);
        String label = "response header " + old.name() + " of " + status + " " + op;
        if (cur == null) {
          add(Rule.RESPONSE_HEADER_REMOVED, BASELINE, old.entry(), label + " was removed", op);
          return;
        }
        JsonNode a = old.ref().node();
        JsonNode b = cur.ref().node();
        if (a.path("required").asBoolean(false) && !b.path("required").asBoolean(false)) {
          add(Rule.RESPONSE_HEADER_NO_LONGER_REQUIRED, CURRENT, cur.ref().pointer() + (b.has("required")
              ? "/required" : ""), label + " is no longer required", op);
        }
        Serialization.compare(a, Ref.of(oldDoc, a.path("schema"), "").node(), b, Ref.of(newDoc, b.path("schema"), "")
            .node(), cur.ref().pointer(), Direction.OUTPUT, label, op, out);
        schema(a.path("schema"), old.ref().pointer() + "/schema", b.path("schema"), cur.ref().pointer() + "/schema",
            Direction.OUTPUT);
      });
      news.forEach((key, cur) -> {
        if (!olds.containsKey(key)) {
          out.change(ChangeKind.ADDED_RESPONSE_HEADER, CURRENT, cur.entry(), "added response header " + cur.name()
              + " to " + status + " " + op, op);
        }
      });
    }

    /**
     * Headers of a receiver's answer are the API's input: one it now requires breaks receivers that do not send
     * it; one it no longer reads breaks nobody.
     */
    private void answerHeaders(String status, Ref oldResp, Ref newResp) {
      Map<String, Header> olds = headerMap(oldDoc, oldResp);
      Map<String, Header> news = headerMap(newDoc, newResp);
      news.forEach((key, cur) -> {
        Header old = olds.get(key);
        boolean wasRequired = old != null && old.ref().node().path("required").asBoolean(false);
        String label = "header " + cur.name() + " of answer " + status + " to " + op;
        if (cur.ref().node().path("required").asBoolean(false) && !wasRequired) {
          add(Rule.CALLBACK_RESPONSE_HEADER_NOW_REQUIRED, CURRENT, cur.ref().pointer(), label + " is now required",
              op);
        } else if (old == null) {
          out.change(ChangeKind.ADDED_RESPONSE_HEADER, CURRENT, cur.entry(), label + " is now read", op);
        } else if (wasRequired && !cur.ref().node().path("required").asBoolean(false)) {
          out.change(ChangeKind.RELAXED_CONSTRAINT, CURRENT, cur.ref().pointer(), label + " is no longer required",
              op);
        }
        if (old != null) {
          schema(old.ref().node().path("schema"), old.ref().pointer() + "/schema", cur.ref().node().path("schema"),
              cur.ref().pointer() + "/schema", answer());
        }
      });
      olds.forEach((key, old) -> {
        if (!news.containsKey(key)) {
          out.change(ChangeKind.RELAXED_CONSTRAINT, BASELINE, old.entry(), "header " + old.name() + " of answer "
              + status + " to " + op + " is no longer read", op);
        }
      });
    }

    private void security() {
      List<Map<String, Set<String>>> olds =
          requirements(oldOp.has("security") ? oldOp.get("security") : oldDoc.path("security"));
      List<Map<String, Set<String>>> news =
          requirements(newOp.has("security") ? newOp.get("security") : newDoc.path("security"));
      String ptr = newOp.has("security") ? newOpPtr + "/security" : "/security";
      for (Map<String, Set<String>> old : olds) {
        boolean stillAccepted = news.stream().anyMatch(n -> old.keySet().containsAll(n.keySet())
            && n.entrySet().stream().allMatch(e -> old.get(e.getKey()).containsAll(e.getValue())));
        if (!stillAccepted) {
          add(Rule.SECURITY_CHANGED, CURRENT, ptr, "security requirement changed from " + olds + " to " + news, op);
          return;
        }
      }
      if (!olds.equals(news)) {
        out.change(ChangeKind.RELAXED_SECURITY, CURRENT, ptr, "security of " + op + " relaxed from " + olds + " to "
            + news, op);
      }
    }
  }

  /** A response header: its name as written, where the response lists it, and its definition. */
  private record Header(String name, String entry, Ref ref) {}

  /** Response headers keyed by lower-cased name (HTTP header names are case-insensitive); Content-Type is ignored. */
  private static Map<String, Header> headerMap(JsonNode doc, Ref response) {
    Map<String, Header> result = new LinkedHashMap<>();
    response.node().path("headers").fields().forEachRemaining(h -> {
      String key = h.getKey().toLowerCase(Locale.ROOT);
      if (!key.equals("content-type")) {
        String entry = response.pointer() + "/headers/" + escape(h.getKey());
        result.put(key, new Header(h.getKey(), entry, Ref.of(doc, h.getValue(), entry)));
      }
    });
    return result;
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
    Set<String> used = new HashSet<>();
    oldDoc.path("security").forEach(req -> req.fieldNames().forEachRemaining(used::add));
    for (String operations : List.of("paths", "webhooks")) {
      items(oldDoc, oldDoc.path(operations), "/" + operations).values().forEach(item -> item.node().forEach(op ->
          op.path("security").forEach(req -> req.fieldNames().forEachRemaining(used::add))));
    }
    oldDoc.path("components").path("securitySchemes").fields().forEachRemaining(s -> {
      String ptr = "/components/securitySchemes/" + escape(s.getKey());
      JsonNode cur = news.get(s.getKey());
      if (cur == null && !used.contains(s.getKey())) {
        return; // no operation asked for it, so no consumer sends it
      }
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
}
