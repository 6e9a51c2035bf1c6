package ai.spice.cloud.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okio.ByteString;

/**
 * Answers each request: route, fault, size limit, authentication, organization, scope, input, state. Every call
 * is journaled and shown to the listeners.
 */
final class FakeDispatcher extends Dispatcher {
  /** The API caps request bodies at 1 MiB. */
  static final long MAX_BODY_BYTES = 1024 * 1024;
  private static final int JOURNALED_BODY_CHARS = 64 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final State state;
  private final Faults faults;
  private final Journal journal;
  private final List<CallListener> listeners;
  private final AtomicLong sequence = new AtomicLong();
  private volatile MockWebServer server;

  FakeDispatcher(State state, Faults faults, Journal journal, List<CallListener> listeners) {
    this.state = state;
    this.faults = faults;
    this.journal = journal;
    this.listeners = List.copyOf(listeners);
  }

  void attach(MockWebServer server) {
    this.server = server;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    Instant at = state.clock.instant();
    forgetServerQueue();
    String method = request.getMethod() == null ? "" : request.getMethod().toUpperCase(Locale.ROOT);
    List<String> segments = request.getUrl().pathSegments();
    Routes.Match route = Routes.match(method, segments);
    Fault fault = route.operation() == null ? null : faults.take(route.operation());

    Reply reply;
    boolean reset = false;
    if (fault != null && !fault.callTakesEffect()) {
      reply = faultReply(fault);
      reset = fault.kind() == Fault.Kind.CONNECTION_RESET;
    } else {
      reply = answer(route, request);
      reset = fault != null && fault.kind() == Fault.Kind.RESPONSE_LOST;
    }

    MockResponse.Builder response = new MockResponse.Builder().code(reply.status());
    String body = reply.body() == null ? null : reply.body().toString();
    if (body != null) {
      response.addHeader("Content-Type", "application/json").body(body);
    }
    reply.headers().forEach(response::addHeader);
    if (fault != null && fault.kind() == Fault.Kind.DELAY) {
      response.headersDelay(fault.duration().orElseThrow().toMillis(), TimeUnit.MILLISECONDS);
    }
    if (reset) {
      response.onResponseStart(new SocketEffect.CloseSocket());
    }
    MockResponse built = response.build();
    if (reset && reply.undocumented() == null) {
      reply = reply.beyondDocument("injected fault " + fault + ": the call took effect, no response was sent");
    }
    record(request, at, route, reply, built, fault, reset);
    return built;
  }

  /** MockWebServer queues every request for takeRequest(); the fake never reads it, so keep it empty. */
  private void forgetServerQueue() throws InterruptedException {
    MockWebServer s = server;
    if (s != null) {
      while (s.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
        // drained
      }
    }
  }

  private static Reply faultReply(Fault fault) {
    Reply reply = switch (fault.kind()) {
      case SERVICE_UNAVAILABLE -> Reply.error(503, "service_unavailable", "Service unavailable");
      case TOO_MANY_REQUESTS -> Reply.error(429, "rate_limited", "Too many requests");
      case INTERNAL_SERVER_ERROR -> Reply.error(500, "internal_error", "Internal server error");
      case CONNECTION_RESET -> new Reply(0, Map.of(), null, null);
      default -> throw new IllegalStateException("not a replacing fault: " + fault);
    };
    Optional<Duration> retryAfter = fault.duration();
    if (retryAfter.isPresent()) {
      long seconds = (retryAfter.get().toMillis() + 999) / 1000;
      reply = reply.withHeader("Retry-After", Long.toString(seconds));
    }
    return reply.beyondDocument("injected fault " + fault);
  }

  private Reply answer(Routes.Match route, RecordedRequest request) {
    if (request.getBodySize() > MAX_BODY_BYTES) {
      return Reply.error(413, "payload_too_large", "Request body exceeds 1 MiB")
          .beyondDocument("request body over 1 MiB (the API's limit, answered on every path)");
    }
    if (route.operation() == null) {
      if (route.allowed().isEmpty()) {
        return Reply.error(404, "not_found", "Not found").beyondDocument("no documented path");
      }
      return Reply.error(405, "method_not_allowed", "Method not allowed")
          .withHeader("Allow", String.join(", ", route.allowed())).beyondDocument("no documented method");
    }
    Operation op = route.operation();
    if (op.isPublic()) {
      return health();
    }
    Optional<String> bearer = bearer(request.getHeaders());
    synchronized (state) {
      State.Token token = bearer.map(state.tokens::get).orElse(null);
      if (token == null) {
        return Reply.error(401, "unauthorized", bearer.isEmpty() ? "Missing bearer token" : "Invalid or expired token");
      }
      String orgHeader = request.getHeaders().get("X-Org-Name");
      String org = token.organization;
      if (orgHeader != null) {
        if (!OrgNames.valid(orgHeader)) {
          return Reply.error(400, "invalid_org_assertion", "X-Org-Name must be an organization name")
              .beyondDocument("invalid X-Org-Name (the API answers 400 invalid_org_assertion on every operation)");
        }
        if (!orgHeader.equals(token.organization)) {
          if (token.alsoIn.isEmpty()) {
            return Reply.error(403, "org_assertion_mismatch",
                "X-Org-Name names another organization than the token's own");
          }
          if (!token.alsoIn.contains(orgHeader)) {
            return Reply.error(403, "org_forbidden", "The token may not act in this organization");
          }
          org = orgHeader;
        }
      }
      Optional<String> scope = op.requiredScope();
      if (token.scopes.isEmpty()) {
        // A token granted nothing may do nothing, regions included (they document a 403 but no scope).
        return Reply.error(403, "insufficient_scope", "The token has no scopes");
      }
      if (scope.isPresent() && !Scopes.grants(token.scopes, scope.get())) {
        Reply refusal = Reply.error(403, "insufficient_scope", "Insufficient scope");
        refusal.body().putObject("details").put("required_scope", scope.get());
        return refusal;
      }
      return switch (op) {
        case LIST_APPS -> listApps(org);
        case GET_API_KEYS -> withApp(org, route, app -> Reply.ok(keys(app)));
        case REGENERATE_API_KEY -> regenerate(org, route, request);
        case LIST_SECRETS -> withApp(org, route, this::secrets);
        case LIST_MEMBERS -> members(org);
        case LIST_REGIONS -> regions();
        case GET_HEALTH -> health();
      };
    }
  }

  /** "Bearer <token>", scheme case-insensitive; anything else is no bearer token. */
  private static Optional<String> bearer(Headers headers) {
    String auth = headers.get("Authorization");
    if (auth == null || auth.length() < 7 || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = auth.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private interface AppReply {
    Reply apply(State.App app);
  }

  private Reply withApp(String org, Routes.Match route, AppReply then) {
    long id = appId(route.param());
    if (id <= 0) {
      return Reply.error(400, "invalid_request", "Invalid app ID");
    }
    State.App app = state.apps.get(id);
    if (app == null || !app.organization.equals(org)) {
      return Reply.error(404, "not_found", "App not found"); // another organization's app is not shown to exist
    }
    return then.apply(app);
  }

  /** A positive decimal int64, or -1. Linear and bounded: at most 19 digits are looked at. */
  static long appId(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > 19) {
      return -1;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private Reply regenerate(String org, Routes.Match route, RecordedRequest request) {
    long id = appId(route.param());
    if (id <= 0) {
      return Reply.error(400, "invalid_request", "Invalid app ID");
    }
    int keyNumber;
    ByteString body = request.getBody();
    if (body == null || body.size() == 0) {
      keyNumber = 1; // the documented default
    } else {
      String type = request.getHeaders().get("Content-Type");
      if (type == null || !isJson(type)) {
        return Reply.invalid("Invalid request body", null, "Content-Type must be application/json");
      }
      JsonNode json;
      try {
        json = MAPPER.readTree(body.toByteArray());
      } catch (JsonProcessingException e) {
        return Reply.invalid("Invalid request body", null, "Body is not valid JSON");
      } catch (IOException e) {
        return Reply.invalid("Invalid request body", null, "Body is not valid JSON");
      }
      if (json == null || !json.isObject()) {
        return Reply.invalid("Invalid request body", null, "Expected object");
      }
      JsonNode k = json.get("key_number");
      if (k == null) {
        keyNumber = 1;
      } else if (k.isNumber() && k.canConvertToExactIntegral() && k.asLong() >= 0 && k.asLong() <= 2) {
        keyNumber = k.asInt();
      } else {
        return Reply.invalid("Invalid request body", "key_number", "Expected 0 | 1 | 2");
      }
    }
    State.App app = state.apps.get(id);
    if (app == null || !app.organization.equals(org)) {
      return Reply.error(404, "not_found", "App not found");
    }
    // Exactly the chosen key(s) change; the old value is dead the moment this returns.
    if (keyNumber == 0 || keyNumber == 1) {
      app.apiKey = State.newKey();
    }
    if (keyNumber == 0 || keyNumber == 2) {
      app.apiKey2 = State.newKey();
    }
    ObjectNode out = keys(app);
    out.put("regenerated_key", keyNumber);
    return Reply.ok(out);
  }

  private static boolean isJson(String contentType) {
    int semi = contentType.indexOf(';');
    String media = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
  }

  private static ObjectNode keys(State.App app) {
    ObjectNode out = Reply.JSON.objectNode();
    out.put("api_key", app.apiKey);
    out.put("api_key_2", app.apiKey2);
    return out;
  }

  private Reply listApps(String org) {
    ObjectNode out = Reply.JSON.objectNode();
    ArrayNode apps = out.putArray("apps");
    for (State.App a : state.apps.values()) {
      if (!a.organization.equals(org)) {
        continue;
      }
      ObjectNode app = apps.addObject();
      app.put("id", a.id);
      app.put("name", a.name);
      app.put("description", a.description);
      app.put("visibility", a.visibility);
      app.put("created_at", a.createdAt.toString());
      app.put("cname", a.cname);
      app.put("cluster_id", a.clusterId);
      if (a.tags == null) {
        app.putNull("tags");
      } else {
        ObjectNode tags = app.putObject("tags");
        a.tags.forEach(tags::put);
      }
    }
    return Reply.ok(out);
  }

  /** The API never shows a secret's value: always asterisks, of a fixed length so not even that leaks. */
  private Reply secrets(State.App app) {
    ObjectNode out = Reply.JSON.objectNode();
    ArrayNode secrets = out.putArray("secrets");
    for (State.Secret s : app.secrets.values()) {
      secrets.addObject().put("id", s.id).put("name", s.name).put("value", "********")
          .put("created_at", s.createdAt.toString()).put("updated_at", s.updatedAt.toString());
    }
    return Reply.ok(out);
  }

  private Reply members(String org) {
    ObjectNode out = Reply.JSON.objectNode();
    ArrayNode members = out.putArray("members");
    State.Org o = state.organizations.get(org);
    if (o != null) {
      for (State.Member m : o.members.values()) {
        ObjectNode member = members.addObject().put("user_id", m.userId).put("username", m.username);
        m.roles.forEach(member.putArray("roles")::add);
        member.put("is_owner", m.owner).put("created_at", m.createdAt.toString());
      }
    }
    return Reply.ok(out);
  }

  private Reply regions() {
    ObjectNode out = Reply.JSON.objectNode();
    ArrayNode regions = out.putArray("regions");
    String defaultRegion = null;
    for (State.Region r : state.regions) {
      regions.addObject().put("name", r.name).put("region", r.region).put("provider", r.provider)
          .put("providerName", providerName(r.provider)).put("isDefault", r.isDefault).put("disabled", r.disabled);
      if (r.isDefault) {
        defaultRegion = r.region;
      }
    }
    if (defaultRegion != null) {
      out.put("default", defaultRegion);
    }
    return Reply.ok(out);
  }

  static String providerName(String provider) {
    return switch (provider) {
      case "aws" -> "AWS";
      case "azure" -> "Azure";
      default -> "Teraswitch";
    };
  }

  private Reply health() {
    return Reply.ok(Reply.JSON.objectNode().put("status", "healthy").put("timestamp", state.now().toString()));
  }

  private void record(RecordedRequest request, Instant at, Routes.Match route, Reply reply, MockResponse response,
      Fault fault, boolean noResponse) {
    Map<String, List<String>> reqHeaders = headers(request.getHeaders(), true);
    Optional<String> reqBody = Optional.empty();
    ByteString body = request.getBody();
    if (body != null && body.size() > 0) {
      String text = body.size() > JOURNALED_BODY_CHARS ? body.substring(0, JOURNALED_BODY_CHARS).utf8() : body.utf8();
      reqBody = Optional.of(maskedText(text));
    }
    Map<String, List<String>> resHeaders = noResponse ? Map.of() : headers(response.getHeaders(), false);
    Optional<String> resBody = noResponse || reply.body() == null ? Optional.empty()
        : Optional.of(Masking.body(reply.body()).toString());
    String query = request.getUrl().encodedQuery();
    RecordedCall call = new RecordedCall(sequence.incrementAndGet(), at,
        request.getMethod() == null ? "" : request.getMethod(), request.getUrl().encodedPath(),
        query == null ? "" : query, Optional.ofNullable(route.operation()), reqHeaders, reqBody,
        request.getBodySize(), noResponse ? 0 : reply.status(), resHeaders, resBody, Optional.ofNullable(fault),
        Optional.ofNullable(reply.undocumented()));
    journal.add(call);
    for (CallListener l : listeners) {
      try {
        l.onCall(call);
      } catch (RuntimeException e) {
        // A listener must not break the fake for the caller under test.
      }
    }
  }

  private static String maskedText(String text) {
    try {
      JsonNode json = MAPPER.readTree(text);
      return json == null ? text : Masking.body(json).toString();
    } catch (IOException e) {
      return text;
    }
  }

  /** Header names as first spelled by the caller, values in order. */
  private static Map<String, List<String>> headers(Headers headers, boolean mask) {
    Map<String, String> spelled = new LinkedHashMap<>();
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String key = spelled.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> name);
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(headers.value(i));
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    values.forEach((name, v) -> result.put(name, mask ? Masking.header(name, v) : List.copyOf(v)));
    return result;
  }
}
