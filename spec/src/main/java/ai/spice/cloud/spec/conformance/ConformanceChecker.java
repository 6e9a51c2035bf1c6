package ai.spice.cloud.spec.conformance;

import static ai.spice.cloud.spec.OpenApiDocs.escape;

import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.tool.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks pact interactions against an OpenAPI 3.1 document: known path and method, path parameters and request
 * body valid for their schemas, credentials present where security requires them, response status documented,
 * response body valid under JSON Schema 2020-12.
 *
 * <p>Negative interactions are part of a contract: a request that breaks the schema is allowed only when the
 * provider answers it 400, a request without the required credentials only when it is answered 401.
 */
public final class ConformanceChecker {
  private final ObjectNode document;
  private final Operations operations;
  private final SchemaValidator validator;

  public ConformanceChecker(ObjectNode document) {
    this.document = document;
    this.operations = new Operations(document);
    this.validator = new SchemaValidator(document);
  }

  public List<Violation> check(List<Interaction> interactions) {
    List<Violation> all = new ArrayList<>();
    interactions.forEach(i -> all.addAll(check(i)));
    return all;
  }

  public List<Violation> check(Interaction i) {
    List<Violation> out = new ArrayList<>();
    String label = i.label();
    String request = i.method() + " " + i.path();
    Optional<Operations.Match> match = operations.match(i.path());
    if (match.isEmpty()) {
      out.add(new Violation(label, "unknown path: " + request + " matches no path of the document", "/paths"));
      return out;
    }
    Operations.Match m = match.get();
    String method = i.method().toLowerCase(Locale.ROOT);
    Optional<JsonNode> found = OpenApiDocs.METHOD_SET.contains(method) ? m.operation(method) : Optional.empty();
    if (found.isEmpty()) {
      List<String> documented = OpenApiDocs.METHODS.stream().filter(m.pathItem()::has)
          .map(s -> s.toUpperCase(Locale.ROOT)).toList();
      out.add(new Violation(label, "method not documented: " + i.method() + " " + m.template() + " (documented: "
          + documented + ")", m.pointer()));
      return out;
    }
    JsonNode op = found.get();
    String opPtr = m.pointer() + "/" + method;

    Optional<String> responseKey = Operations.responseKey(op, i.status());
    if (responseKey.isEmpty()) {
      List<String> documented = new ArrayList<>();
      op.path("responses").fieldNames().forEachRemaining(documented::add);
      out.add(new Violation(label, "undocumented status " + i.status() + " for " + i.method() + " " + m.template()
          + " (documented: " + documented + ")", opPtr + "/responses"));
    }

    List<Violation> requestProblems = new ArrayList<>();
    pathParameters(i, m, op, opPtr, requestProblems);
    requestBody(i, op, opPtr, requestProblems);
    if (i.status() != 400) {
      out.addAll(requestProblems); // an invalid request is a contract only for the 400 it earns
    }
    if (i.status() != 401) {
      security(i, op, opPtr).ifPresent(out::add);
    }
    responseKey.ifPresent(key -> responseBody(i, op, opPtr + "/responses/" + escape(key), key, out));
    return out;
  }

  private void pathParameters(Interaction i, Operations.Match m, JsonNode op, String opPtr, List<Violation> out) {
    Map<String, Param> params = new LinkedHashMap<>();
    collect(m.pathItem().path("parameters"), m.pointer() + "/parameters", params);
    collect(op.path("parameters"), opPtr + "/parameters", params);
    m.pathParams().forEach((name, raw) -> {
      Param p = params.get("path:" + name);
      if (p == null) {
        out.add(new Violation(i.label(), "path parameter " + name + " is not documented", opPtr + "/parameters"));
        return;
      }
      JsonNode schema = p.node().path("schema");
      JsonNode value = coerce(raw, schema);
      validator.validate(schema, value).forEach(msg -> out.add(new Violation(i.label(),
          "path parameter " + name + "=" + raw + " is invalid: " + located(msg), p.pointer() + "/schema")));
    });
    params.forEach((key, p) -> {
      if (key.startsWith("query:") && p.node().path("required").asBoolean(false)
          && !i.query().containsKey(p.node().path("name").asText())) {
        out.add(new Violation(i.label(), "required query parameter " + p.node().path("name").asText() + " is missing",
            p.pointer()));
      }
    });
  }

  private record Param(JsonNode node, String pointer) {}

  private void collect(JsonNode list, String listPtr, Map<String, Param> into) {
    for (int n = 0; n < list.size(); n++) {
      JsonNode p = list.get(n);
      String ptr = listPtr + "/" + n;
      if (p.has("$ref")) {
        ptr = p.get("$ref").asText().substring(1);
        p = OpenApiDocs.resolve(document, p.get("$ref").asText());
        if (p == null) {
          continue;
        }
      }
      into.put(p.path("in").asText() + ":" + p.path("name").asText(), new Param(p, ptr));
    }
  }

  /** Path values arrive as text; read them as the schema's type where they parse, so "abc" stays a string. */
  private static JsonNode coerce(String raw, JsonNode schema) {
    String types = schema.path("type").toString();
    if (types.contains("integer") || types.contains("number")) {
      try {
        return JsonNodeFactory.instance.numberNode(new BigDecimal(raw));
      } catch (NumberFormatException e) {
        return TextNode.valueOf(raw);
      }
    }
    if (types.contains("boolean") && (raw.equals("true") || raw.equals("false"))) {
      return BooleanNode.valueOf(Boolean.parseBoolean(raw));
    }
    return TextNode.valueOf(raw);
  }

  private void requestBody(Interaction i, JsonNode op, String opPtr, List<Violation> out) {
    JsonNode rb = deref(op.path("requestBody"));
    String rbPtr = opPtr + "/requestBody";
    if (i.requestBody() == null) {
      if (rb.path("required").asBoolean(false)) {
        out.add(new Violation(i.label(), "request body is required but the request has none", rbPtr + "/required"));
      }
      return;
    }
    if (rb.isMissingNode()) {
      out.add(new Violation(i.label(), "request has a body but the operation documents none", opPtr));
      return;
    }
    String contentType = mediaType(i.requestHeader("Content-Type").orElse("application/json"));
    Optional<Map.Entry<String, JsonNode>> media = media(rb.path("content"), contentType);
    if (media.isEmpty()) {
      out.add(new Violation(i.label(), "request content type " + contentType + " is not documented", rbPtr + "/content"));
      return;
    }
    String schemaPtr = rbPtr + "/content/" + escape(media.get().getKey()) + "/schema";
    validator.validate(media.get().getValue().path("schema"), i.requestBody()).forEach(msg ->
        out.add(new Violation(i.label(), "request body is invalid: " + located(msg), schemaPtr)));
  }

  /** Present credentials satisfy at least one alternative of the effective security requirement. */
  private Optional<Violation> security(Interaction i, JsonNode op, String opPtr) {
    JsonNode security = op.has("security") ? op.get("security") : document.path("security");
    String ptr = op.has("security") ? opPtr + "/security" : "/security";
    if (!security.isArray() || security.isEmpty()) {
      return Optional.empty();
    }
    List<String> wanted = new ArrayList<>();
    for (JsonNode alternative : security) {
      boolean satisfied = true;
      var names = alternative.fieldNames();
      while (names.hasNext()) {
        String scheme = names.next();
        Optional<String> missing = missingCredential(i, scheme);
        if (missing.isPresent()) {
          satisfied = false;
          wanted.add(missing.get());
        }
      }
      if (satisfied) {
        return Optional.empty();
      }
    }
    return Optional.of(new Violation(i.label(), "missing credentials: " + String.join(" or ", wanted)
        + " (only a 401 response may document a request without them)", ptr));
  }

  private Optional<String> missingCredential(Interaction i, String schemeName) {
    JsonNode scheme = document.path("components").path("securitySchemes").path(schemeName);
    String type = scheme.path("type").asText();
    String httpScheme = scheme.path("scheme").asText("bearer");
    return switch (type) {
      case "http" -> {
        Optional<String> auth = i.requestHeader("Authorization");
        String prefix = httpScheme.toLowerCase(Locale.ROOT) + " ";
        boolean ok = auth.isPresent() && auth.get().toLowerCase(Locale.ROOT).startsWith(prefix)
            && auth.get().length() > prefix.length() && !auth.get().substring(prefix.length()).isBlank();
        yield ok ? Optional.empty() : Optional.of("Authorization: " + capitalize(httpScheme) + " <token> ("
            + schemeName + ")");
      }
      case "apiKey" -> {
        String name = scheme.path("name").asText();
        boolean ok = switch (scheme.path("in").asText()) {
          case "header" -> i.requestHeader(name).isPresent();
          case "query" -> i.query().containsKey(name);
          case "cookie" -> i.requestHeader("Cookie").map(c -> c.contains(name + "=")).orElse(false);
          default -> false;
        };
        yield ok ? Optional.empty() : Optional.of(scheme.path("in").asText() + " " + name + " (" + schemeName + ")");
      }
      case "oauth2", "openIdConnect" -> i.requestHeader("Authorization")
          .filter(a -> a.toLowerCase(Locale.ROOT).startsWith("bearer ")).isPresent()
          ? Optional.empty() : Optional.of("Authorization: Bearer <token> (" + schemeName + ")");
      default -> Optional.of("credentials for undefined security scheme " + schemeName);
    };
  }

  private void responseBody(Interaction i, JsonNode op, String respPtr, String key, List<Violation> out) {
    JsonNode response = deref(op.path("responses").path(key));
    JsonNode content = response.path("content");
    if (i.responseBody() == null) {
      if (content.size() > 0) {
        List<String> types = new ArrayList<>();
        content.fieldNames().forEachRemaining(types::add);
        out.add(new Violation(i.label(), "response " + i.status() + " is documented with a body " + types
            + " but the interaction has none", respPtr + "/content"));
      }
      return;
    }
    if (content.isEmpty()) {
      out.add(new Violation(i.label(), "response " + i.status() + " has a body but the document declares no content"
          + " for it", respPtr));
      return;
    }
    String contentType = mediaType(i.responseHeader("Content-Type").orElse("application/json"));
    Optional<Map.Entry<String, JsonNode>> media = media(content, contentType);
    if (media.isEmpty()) {
      out.add(new Violation(i.label(), "response content type " + contentType + " is not documented for "
          + i.status(), respPtr + "/content"));
      return;
    }
    String schemaPtr = respPtr + "/content/" + escape(media.get().getKey()) + "/schema";
    validator.validate(media.get().getValue().path("schema"), i.responseBody()).forEach(msg ->
        out.add(new Violation(i.label(), "response body is invalid: " + located(msg), schemaPtr)));
  }

  /** The validator starts messages with the instance location as a JSON pointer, empty for the root. */
  private static String located(String message) {
    return message.startsWith(":") ? "(root)" + message : message;
  }

  private JsonNode deref(JsonNode node) {
    int hops = 0;
    while (node.has("$ref") && hops++ < 32) {
      JsonNode target = OpenApiDocs.resolve(document, node.get("$ref").asText());
      if (target == null) {
        break;
      }
      node = target;
    }
    return node;
  }

  private static String mediaType(String header) {
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  /** Exact media type, then type/*, then any. */
  private static Optional<Map.Entry<String, JsonNode>> media(JsonNode content, String type) {
    List<String> candidates = List.of(type, type.substring(0, Math.max(type.indexOf('/'), 0)) + "/*", "*/*");
    for (String c : candidates) {
      var it = content.fields();
      while (it.hasNext()) {
        var e = it.next();
        if (e.getKey().equalsIgnoreCase(c)) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
