package ai.spice.cloud.testing.conformance;

import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.conformance.Conformance;
import ai.spice.cloud.spec.conformance.Interaction;
import ai.spice.cloud.spec.conformance.Operations;
import ai.spice.cloud.testing.CallListener;
import ai.spice.cloud.testing.RecordedCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks every call of every fake in this JVM (registered through ServiceLoader) against the current merged
 * document with the contract gate's own {@link Conformance} check: documented path, method and status, valid
 * path parameters, request and response bodies under JSON Schema 2020-12, credentials where security asks.
 *
 * <p>Two rules the document cannot express. Error statuses the document lists without content get the API's
 * error body (field notes: {@code {"error", "code", "details"?}}), so those bodies are checked for that shape
 * instead. Calls the fake itself marks {@link RecordedCall#undocumented() beyond the document} (injected
 * faults, unknown routes, 413, an invalid X-Org-Name) skip the document check, and only their error shape is
 * checked.
 */
public final class ConformanceListener implements CallListener {
  static final ConcurrentLinkedQueue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();
  static final AtomicInteger CHECKED = new AtomicInteger();
  static final AtomicInteger BEYOND = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectNode DOCUMENT = OpenApiDocs.current();
  // Tolerates answers the released baseline allows (see Conformance): an upstream change the gate judged harmless
  // must not fail the fake's tests before the fake catches up.
  private static final Conformance CHECKER = new Conformance(DOCUMENT, OpenApiDocs.baseline());
  private static final Operations OPERATIONS = new Operations(DOCUMENT);

  @Override
  public void onCall(RecordedCall call) {
    List<String> found = check(call);
    VIOLATIONS.addAll(found);
  }

  /** @return what is wrong with this call, empty when it conforms */
  public static List<String> check(RecordedCall call) {
    List<String> out = new ArrayList<>();
    String label = "fake call #" + call.sequence() + " " + call.method() + " " + call.path() + " -> " + call.status();
    JsonNode responseBody = parse(call.responseBody());
    if (call.status() >= 400 && responseBody != null) {
      errorShape(responseBody).ifPresent(p -> out.add(label + ": error body " + p));
    }
    if (call.undocumented().isPresent()) {
      BEYOND.incrementAndGet();
      return out;
    }
    CHECKED.incrementAndGet();
    if (call.status() == 0) {
      out.add(label + ": no response, but not marked beyond the document");
      return out;
    }
    if (responseBody != null && call.status() >= 400 && documentsNoContent(call)) {
      responseBody = null; // its shape was checked above; the document says nothing about it
    }
    Interaction interaction = new Interaction("fake", label, List.of(), call.method(), call.path(),
        query(call.query()), call.requestHeaders(), requestBody(call), call.status(),
        call.responseHeaders(), responseBody);
    CHECKER.check(interaction).violations().forEach(v -> out.add(v.toString()));
    return out;
  }

  /** The journal keeps the first 64 KiB of a body; a cut one cannot be checked (the fake parsed it whole). */
  private static JsonNode requestBody(RecordedCall call) {
    boolean whole = call.requestBody()
        .map(b -> b.getBytes(java.nio.charset.StandardCharsets.UTF_8).length == call.requestBodySize()).orElse(true);
    return whole ? parse(call.requestBody()) : null;
  }

  private static boolean documentsNoContent(RecordedCall call) {
    return OPERATIONS.match(call.path())
        .flatMap(m -> m.operation(call.method()))
        .flatMap(op -> Operations.responseKey(op, call.status()).map(k -> op.path("responses").path(k)))
        .map(r -> r.path("content").isEmpty())
        .orElse(false);
  }

  /** The API's error body: an object with a string "error" and a string "code", "details" an object if present. */
  static Optional<String> errorShape(JsonNode body) {
    if (!body.isObject()) {
      return Optional.of("is not an object: " + body.getNodeType());
    }
    if (!body.path("error").isTextual() || body.path("error").asText().isBlank()) {
      return Optional.of("has no \"error\" message");
    }
    if (!body.path("code").isTextual()) {
      return Optional.of("has no string \"code\"");
    }
    if (body.has("details") && !body.get("details").isObject()) {
      return Optional.of("has \"details\" that is not an object");
    }
    return Optional.empty();
  }

  private static JsonNode parse(Optional<String> text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return JSON.readTree(text.get());
    } catch (IOException e) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(text.get());
    }
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      out.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : pair.substring(eq + 1));
    }
    return out;
  }
}
