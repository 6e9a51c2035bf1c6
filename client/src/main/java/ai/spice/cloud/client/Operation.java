package ai.spice.cloud.client;

import ai.spice.cloud.client.errors.SpiceCloudException;
import ai.spice.cloud.client.model.ApiResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.DefaultContract;
import feign.MethodMetadata;
import feign.QueryMap;
import feign.RequestTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The plan of one interface method, made once (as retrofit's RequestFactory does) from what Feign's
 * {@link DefaultContract} reads off the generated annotations: how the arguments become a request, and what
 * the answer decodes to. A form it does not support fails when the interface is first used, not on a call.
 */
final class Operation {

  static final String USER_AGENT = "spice-cloud-java/" + resource("version.properties").lines()
      .filter(line -> line.startsWith("version=")).map(line -> line.substring(8)).findFirst().orElse("unknown");
  /** {@code METHOD /path} of the operations the spec leaves public, derived from it into the jar by the build. */
  private static final Set<String> PUBLIC = resource("public-operations.txt").lines().map(String::trim)
      .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());

  final String name; // e.g. ApiKeysApi#getApiKeys
  final String method;
  final boolean isPublic; // sent without a token
  private final JavaType answer; // null when the method returns nothing
  // Built on first use, so a first call builds only the (de)serializer it needs.
  private volatile ObjectReader reader;
  private volatile ObjectWriter bodyWriter;
  final String responseName; // the answer type's simple name
  final boolean withHttpInfo; // returns ApiResponse: status and headers beside the body

  // Parsing a URL string canonicalizes its host every time (a fifth of a call's CPU): the base URL is parsed
  // once, a call sets only the path; a URL without arguments is built once.
  private final HttpUrl base;
  private final HttpUrl constant;
  /** The path: {@code literals[0] + path argument 0 + literals[1] + ...}, after the base URL's own path. */
  private final String[] literals;
  private final Arg[] pathArgs;
  private final Arg[] queryArgs;
  private final Arg[] headerArgs;
  private final int queryMap;
  private final boolean queryMapEncoded;
  private final int body;
  private final RequestBody noBody; // OkHttp wants one for POST, PUT, PATCH: zero bytes, no Content-Type
  private final JavaType bodyJavaType;
  private final MediaType bodyType;
  /** Per parameter: its name if the argument must not be null, else null. */
  private final String[] required;

  /** A query or header value: argument {@code index}, or the literal when the index is -1. */
  private record Arg(String name, int index, String literal, boolean encoded) {}

  static Map<Method, Operation> plan(Class<?> api, String baseUrl) {
    return new DefaultContract().parseAndValidateMetadata(api).stream()
        .collect(Collectors.toMap(MethodMetadata::method, metadata -> new Operation(api, metadata, baseUrl)));
  }

  private Operation(Class<?> api, MethodMetadata md, String baseUrl) {
    Method m = md.method();
    RequestTemplate template = md.template();
    name = api.getSimpleName() + "#" + m.getName();
    method = template.method();
    String path = template.path();
    isPublic = PUBLIC.contains(method + " " + path);
    if (!md.formParams().isEmpty() || template.bodyTemplate() != null || template.body() != null
        || md.urlIndex() != null || md.headerMapIndex() != null || !md.indexToExpanderClass().isEmpty()) {
      throw new IllegalStateException(name + ": form parameters, body templates, URI parameters, header maps and"
          + " expanders are not supported");
    }
    Map<String, Integer> byName = new HashMap<>();
    md.indexToName().forEach((index, names) -> names.forEach(n -> byName.put(n, index)));
    required = new String[m.getParameterCount()];
    base = HttpUrl.get(baseUrl);
    String fullPath = base.encodedPath().replaceAll("/$", "") + path; // an encoded path has no braces
    List<String> texts = new ArrayList<>();
    List<Arg> inPath = new ArrayList<>();
    int from = 0;
    for (int open = fullPath.indexOf('{'); open >= 0; open = fullPath.indexOf('{', from)) {
      texts.add(fullPath.substring(from, open));
      from = fullPath.indexOf('}', open) + 1;
      Arg arg = arg(md, byName, null, fullPath.substring(open, from));
      required[arg.index()] = arg.name();
      inPath.add(arg);
    }
    texts.add(fullPath.substring(from));
    literals = texts.toArray(String[]::new);
    pathArgs = inPath.toArray(Arg[]::new);
    List<Arg> queries = new ArrayList<>();
    // A query or header template no parameter binds is an optional one the generator keeps out of this method's
    // signature (StableSignaturesJavaCodegen): it is sent from the query map, or not at all, as Feign does.
    template.queries().forEach((query, values) -> values.forEach(v -> {
      if (isBound(byName, v)) {
        queries.add(arg(md, byName, query, v));
      }
    }));
    queryArgs = queries.toArray(Arg[]::new);
    List<Arg> headers = new ArrayList<>(List.of(new Arg("User-Agent", -1, USER_AGENT, true)));
    String contentType = "application/json";
    for (Map.Entry<String, Collection<String>> header : template.headers().entrySet()) {
      for (String value : header.getValue()) {
        if (header.getKey().equalsIgnoreCase("Content-Type")) {
          contentType = value; // sent with a body only
        } else if (isBound(byName, value)) {
          headers.add(arg(md, byName, header.getKey(), value));
        }
      }
    }
    headerArgs = headers.toArray(Arg[]::new);
    queryMap = md.queryMapIndex() == null ? -1 : md.queryMapIndex();
    queryMapEncoded = queryMap >= 0 && ((QueryMap) annotation(m, queryMap, "QueryMap")).encoded();
    constant = pathArgs.length + queryArgs.length == 0 && queryMap < 0
        ? base.newBuilder().encodedPath(literals[0]).build() : null;
    queries.addAll(headers);
    for (Arg arg : queries) {
      if (arg.index() >= 0 && annotation(m, arg.index(), "Nonnull") != null) {
        required[arg.index()] = arg.name();
      }
    }
    body = md.bodyIndex() == null ? -1 : md.bodyIndex();
    noBody = Set.of("POST", "PUT", "PATCH").contains(method) ? RequestBody.create(new byte[0], null) : null;
    bodyJavaType = body < 0 ? null : Models.MAPPER.constructType(md.bodyType());
    bodyType = MediaType.get(contentType);
    if (body >= 0 && annotation(m, body, "Nullable") == null) {
      required[body] = "the request body";
    }
    JavaType returned = Models.MAPPER.constructType(md.returnType());
    withHttpInfo = returned.getRawClass() == ApiResponse.class;
    JavaType type = withHttpInfo ? returned.containedType(0) : returned;
    answer = type.getRawClass() == void.class || type.getRawClass() == Void.class ? null : type;
    responseName = type.getRawClass().getSimpleName();
  }

  /** Reads the answer's body; null when the method returns nothing. */
  ObjectReader reader() {
    ObjectReader r = reader;
    return r != null || answer == null ? r : (reader = Models.MAPPER.readerFor(answer));
  }

  /** The request for these arguments, without credentials (those are per attempt). */
  Request.Builder request(Object[] args, RequestOptions options) {
    for (int i = 0; i < required.length; i++) {
      if (required[i] != null && args[i] == null) {
        throw new NullPointerException(required[i] + " must not be null");
      }
    }
    Request.Builder request = new Request.Builder().url(constant != null ? constant : url(args));
    for (Arg header : headerArgs) {
      if (header.index() < 0) {
        request.addHeader(header.name(), header.literal());
      } else if (args[header.index()] != null) {
        request.addHeader(header.name(), values(args[header.index()]).stream().map(Object::toString)
            .collect(Collectors.joining(",")));
      }
    }
    options.addHeaders(request);
    RequestBody content = noBody;
    if (body >= 0 && args[body] != null) {
      try {
        ObjectWriter writer = bodyWriter;
        bodyWriter = writer = writer != null ? writer : Models.MAPPER.writerFor(bodyJavaType);
        content = RequestBody.create(writer.writeValueAsBytes(args[body]), bodyType);
      } catch (JsonProcessingException e) {
        throw new SpiceCloudException(name + ": the body cannot be written as JSON (" + e.getClass().getSimpleName()
            + ")", e);
      }
    }
    return request.method(method, content);
  }

  private HttpUrl url(Object[] args) {
    StringBuilder url = new StringBuilder(literals[0].length() + 48).append(literals[0]);
    for (int i = 0; i < pathArgs.length; i++) {
      Object value = args[pathArgs[i].index()];
      if (value instanceof Long || value instanceof Integer) {
        url.append(((Number) value).longValue()); // the common case, an id: nothing to encode
      } else {
        appendEncoded(url, value.toString(), pathArgs[i].encoded());
      }
      url.append(literals[i + 1]);
    }
    int pathEnd = url.length();
    char separator = '?';
    for (Arg query : queryArgs) {
      for (Object each : values(query.index() < 0 ? query.literal() : args[query.index()])) {
        appendEncoded(url.append(separator).append(query.name()).append('='), each.toString(), query.encoded());
        separator = '&';
      }
    }
    if (queryMap >= 0 && args[queryMap] != null) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) args[queryMap]).entrySet()) {
        for (Object each : values(entry.getValue())) {
          appendEncoded(url.append(separator), String.valueOf(entry.getKey()), queryMapEncoded);
          appendEncoded(url.append('='), each.toString(), queryMapEncoded);
          separator = '&';
        }
      }
    }
    return base.newBuilder().encodedPath(url.substring(0, pathEnd))
        .encodedQuery(url.length() > pathEnd ? url.substring(pathEnd + 1) : null).build();
  }

  private static Collection<?> values(Object value) {
    return value == null ? List.of() : value instanceof Collection ? (Collection<?>) value : List.of(value);
  }

  /** Percent-encodes all but RFC 3986's unreserved characters, unless the value comes encoded. */
  private static void appendEncoded(StringBuilder out, String value, boolean encoded) {
    if (encoded || value.chars().allMatch(Operation::isUnreserved)) {
      out.append(value);
      return;
    }
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xf));
      }
    }
  }

  private static boolean isUnreserved(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0;
  }

  /** A literal, or a {@code {name}} some parameter of the method binds. */
  private static boolean isBound(Map<String, Integer> byName, String template) {
    return !template.startsWith("{") || !template.endsWith("}")
        || byName.containsKey(template.substring(1, template.length() - 1));
  }

  /** {@code {name}} is the argument bound to that name; anything else is literal text. */
  private static Arg arg(MethodMetadata md, Map<String, Integer> byName, String name, String template) {
    if (!template.startsWith("{") || !template.endsWith("}")) {
      return new Arg(name, -1, template, true);
    }
    String variable = template.substring(1, template.length() - 1);
    Integer index = byName.get(variable);
    if (index == null) {
      throw new IllegalStateException(md.configKey() + ": no parameter is bound to {" + variable + "}");
    }
    return new Arg(name == null ? variable : name, index, null, Boolean.TRUE.equals(md.indexToEncoded().get(index)));
  }

  /** By simple name: the generated code uses jakarta.annotation's, other code may use another's. */
  private static Annotation annotation(Method m, int parameter, String simpleName) {
    for (Annotation a : m.getParameterAnnotations()[parameter]) {
      if (a.annotationType().getSimpleName().equals(simpleName)) {
        return a;
      }
    }
    return null;
  }

  private static String resource(String name) {
    try (InputStream in = Operation.class.getResourceAsStream("/ai/spice/cloud/client/" + name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the client jar (the build writes it)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
