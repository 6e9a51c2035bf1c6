package ai.spice.cloud.client;

import ai.spice.cloud.client.errors.SpiceCloudException;
import ai.spice.cloud.client.model.ApiResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.DefaultContract;
import feign.MethodMetadata;
import feign.Param;
import feign.QueryMap;
import feign.RequestTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The plan of one interface method, made once (as retrofit's RequestFactory does) from what Feign's
 * {@link DefaultContract} reads off the generated annotations: how the arguments become a request, and what
 * the answer decodes to. A form the plan does not support fails when the interface is first used, not on a
 * call.
 */
final class Operation {

  private static final String USER_AGENT = Version.userAgent();
  private static final MediaType JSON = MediaType.get("application/json");
  /** OkHttp wants a body for POST, PUT and PATCH: an optional body left out is sent as zero bytes. */
  private static final RequestBody NO_BODY = RequestBody.create(new byte[0], null);
  private static final Set<String> NEEDS_BODY = Set.of("POST", "PUT", "PATCH");
  private static final Set<String> PUBLIC = publicRoutes();
  private static final String HEX = "0123456789ABCDEF";

  /** e.g. {@code ApiKeysApi#getApiKeys}, in logs. */
  final String name;
  final String method;
  /** The spec asks no security of it: it is sent without a token. */
  final boolean isPublic;
  /** Reads the answer's body; null when the method returns nothing. */
  final ObjectReader reader;
  /** The answer type's simple name, in messages. */
  final String responseName;
  /** The method returns {@link ApiResponse}: status and headers beside the body. */
  final boolean withHttpInfo;

  /** {@code literals[0] + path argument 0 + literals[1] + ...}; literals[0] starts with the base URL. */
  private final String[] literals;
  private final Arg[] pathArgs;
  private final Arg[] queryArgs;
  private final Arg[] headerArgs;
  private final int queryMap;
  private final boolean queryMapEncoded;
  private final int headerMap;
  private final int body;
  private final ObjectWriter bodyWriter;
  private final MediaType bodyType;
  /** Per parameter: its name if the argument must not be null, else null. */
  private final String[] required;

  /** A value from an argument ({@code index >= 0}) or a literal, under a query or header name. */
  private record Arg(String name, int index, String literal, Param.Expander expander, boolean encoded) {
    String expand(Object value) {
      return expander != null ? expander.expand(value) : value.toString();
    }
  }

  /** Every method of a generated interface, planned. */
  static Map<Method, Operation> plan(Class<?> api, String baseUrl) {
    Map<Method, Operation> operations = new HashMap<>();
    for (MethodMetadata metadata : new DefaultContract().parseAndValidateMetadata(api)) {
      operations.put(metadata.method(), new Operation(api, metadata, baseUrl));
    }
    return operations;
  }

  private Operation(Class<?> api, MethodMetadata md, String baseUrl) {
    Method m = md.method();
    RequestTemplate template = md.template();
    name = api.getSimpleName() + "#" + m.getName();
    method = template.method();
    String path = template.path();
    isPublic = PUBLIC.contains(method + " " + path);
    if (!md.formParams().isEmpty() || template.bodyTemplate() != null || template.body() != null
        || md.urlIndex() != null) {
      throw new IllegalStateException(name + ": form parameters, body templates and URI parameters are not supported");
    }
    Map<String, Integer> byName = new HashMap<>();
    md.indexToName().forEach((index, names) -> names.forEach(n -> byName.put(n, index)));
    required = new String[m.getParameterCount()];

    List<String> texts = new ArrayList<>();
    List<Arg> inPath = new ArrayList<>();
    StringBuilder literal = new StringBuilder(baseUrl);
    for (int i = 0; i < path.length(); ) {
      int open = path.indexOf('{', i);
      if (open < 0) {
        literal.append(path, i, path.length());
        break;
      }
      int close = path.indexOf('}', open);
      literal.append(path, i, open);
      texts.add(literal.toString());
      literal.setLength(0);
      Arg arg = arg(md, byName, null, path.substring(open, close + 1));
      required[arg.index()] = arg.name();
      inPath.add(arg);
      i = close + 1;
    }
    texts.add(literal.toString());
    literals = texts.toArray(String[]::new);
    pathArgs = inPath.toArray(Arg[]::new);

    List<Arg> queries = new ArrayList<>();
    template.queries().forEach((query, values) -> values.forEach(v -> queries.add(arg(md, byName, query, v))));
    queryArgs = queries.toArray(Arg[]::new);
    List<Arg> headers = new ArrayList<>();
    headers.add(new Arg("User-Agent", -1, USER_AGENT, null, true));
    String contentType = null;
    for (Map.Entry<String, Collection<String>> header : template.headers().entrySet()) {
      for (String value : header.getValue()) {
        if (header.getKey().equalsIgnoreCase("Content-Type")) {
          contentType = value; // sent with a body only
        } else {
          headers.add(arg(md, byName, header.getKey(), value));
        }
      }
    }
    headerArgs = headers.toArray(Arg[]::new);
    queryMap = md.queryMapIndex() == null ? -1 : md.queryMapIndex();
    queryMapEncoded = queryMap >= 0 && annotation(m, queryMap, QueryMap.class) != null
        && ((QueryMap) annotation(m, queryMap, QueryMap.class)).encoded();
    headerMap = md.headerMapIndex() == null ? -1 : md.headerMapIndex();

    body = md.bodyIndex() == null ? -1 : md.bodyIndex();
    bodyWriter = body < 0 ? null : Models.MAPPER.writerFor(Models.MAPPER.constructType(md.bodyType()));
    bodyType = contentType == null ? JSON : MediaType.get(contentType);
    if (body >= 0 && !annotated(m, body, "Nullable")) {
      required[body] = "the request body";
    }
    for (Arg arg : queries) {
      if (arg.index() >= 0 && annotated(m, arg.index(), "Nonnull")) {
        required[arg.index()] = arg.name();
      }
    }

    Type returned = md.returnType();
    withHttpInfo = returned instanceof ParameterizedType
        && ((ParameterizedType) returned).getRawType() == ApiResponse.class;
    Type bodyOfAnswer = withHttpInfo ? ((ParameterizedType) returned).getActualTypeArguments()[0] : returned;
    JavaType answer = Models.MAPPER.constructType(bodyOfAnswer);
    boolean nothing = answer.getRawClass() == void.class || answer.getRawClass() == Void.class;
    reader = nothing ? null : Models.MAPPER.readerFor(answer);
    responseName = answer.getRawClass().getSimpleName();
  }

  /** The request for these arguments, without credentials (those are per attempt). */
  Request.Builder request(Object[] args, RequestOptions options) {
    for (int i = 0; i < required.length; i++) {
      if (required[i] != null && args[i] == null) {
        throw new NullPointerException(required[i] + " must not be null");
      }
    }
    StringBuilder url = new StringBuilder(literals[0].length() + 48).append(literals[0]);
    for (int i = 0; i < pathArgs.length; i++) {
      Arg arg = pathArgs[i];
      Object value = args[arg.index()];
      if (arg.expander() == null && (value instanceof Long || value instanceof Integer)) {
        url.append(((Number) value).longValue()); // the common case: an id, nothing to encode
      } else {
        appendEncoded(url, arg.expand(value), arg.encoded());
      }
      url.append(literals[i + 1]);
    }
    char separator = '?';
    for (Arg query : queryArgs) {
      Object value = query.index() < 0 ? query.literal() : args[query.index()];
      for (Object each : values(value)) {
        url.append(separator).append(query.name()).append('=');
        appendEncoded(url, query.expand(each), query.encoded());
        separator = '&';
      }
    }
    if (queryMap >= 0 && args[queryMap] != null) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) args[queryMap]).entrySet()) {
        for (Object each : values(entry.getValue())) {
          url.append(separator);
          appendEncoded(url, String.valueOf(entry.getKey()), queryMapEncoded);
          appendEncoded(url.append('='), String.valueOf(each), queryMapEncoded);
          separator = '&';
        }
      }
    }
    Request.Builder request = new Request.Builder().url(url.toString());
    for (Arg header : headerArgs) {
      if (header.index() < 0) {
        request.addHeader(header.name(), header.literal());
      } else if (args[header.index()] != null) {
        request.addHeader(header.name(),
            values(args[header.index()]).stream().map(header::expand).collect(Collectors.joining(",")));
      }
    }
    if (headerMap >= 0 && args[headerMap] != null) {
      ((Map<?, ?>) args[headerMap]).forEach((k, v) -> {
        if (v != null) {
          request.addHeader(String.valueOf(k), String.valueOf(v));
        }
      });
    }
    options.addHeaders(request);
    RequestBody content = null;
    if (body >= 0 && args[body] != null) {
      try {
        content = RequestBody.create(bodyWriter.writeValueAsBytes(args[body]), bodyType);
      } catch (JsonProcessingException e) {
        throw new SpiceCloudException(name + ": the request body cannot be written as JSON ("
            + e.getClass().getSimpleName() + ")", e);
      }
    } else if (NEEDS_BODY.contains(method)) {
      content = NO_BODY;
    }
    return request.method(method, content);
  }

  private static List<?> values(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection) {
      return new ArrayList<>((Collection<?>) value);
    }
    return List.of(value);
  }

  /** Percent-encodes all but RFC 3986's unreserved characters, unless the value comes encoded. */
  private static void appendEncoded(StringBuilder out, String value, boolean encoded) {
    int plain = 0;
    while (plain < value.length() && (encoded || isUnreserved(value.charAt(plain)))) {
      plain++;
    }
    out.append(value, 0, plain);
    if (plain < value.length()) {
      for (byte b : value.substring(plain).getBytes(StandardCharsets.UTF_8)) {
        char c = (char) (b & 0xff);
        if (isUnreserved(c)) {
          out.append(c);
        } else {
          out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
        }
      }
    }
  }

  private static boolean isUnreserved(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
        || c == '_' || c == '~';
  }

  /** {@code {name}} is the argument bound to that name; anything else is literal text. */
  private static Arg arg(MethodMetadata md, Map<String, Integer> byName, String name, String template) {
    if (!template.startsWith("{") || !template.endsWith("}")) {
      return new Arg(name, -1, template, null, true);
    }
    String variable = template.substring(1, template.length() - 1);
    Integer index = byName.get(variable);
    if (index == null) {
      throw new IllegalStateException(md.configKey() + ": no parameter is bound to {" + variable + "}");
    }
    Param.Expander expander = md.indexToExpander() == null ? null : md.indexToExpander().get(index);
    if (expander == null && md.indexToExpanderClass().containsKey(index)) {
      try {
        expander = md.indexToExpanderClass().get(index).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(md.configKey() + ": cannot create the expander of {" + variable + "}", e);
      }
    }
    return new Arg(name == null ? variable : name, index, null, expander,
        Boolean.TRUE.equals(md.indexToEncoded().get(index)));
  }

  private static Annotation annotation(Method m, int parameter, Class<? extends Annotation> type) {
    for (Annotation a : m.getParameterAnnotations()[parameter]) {
      if (type.isInstance(a)) {
        return a;
      }
    }
    return null;
  }

  /** By simple name: the generated code uses jakarta.annotation's, other code may use another's. */
  private static boolean annotated(Method m, int parameter, String simpleName) {
    for (Annotation a : m.getParameterAnnotations()[parameter]) {
      if (a.annotationType().getSimpleName().equals(simpleName)) {
        return true;
      }
    }
    return false;
  }

  /** The {@code METHOD /path} lines the build derived from the spec into the jar. */
  private static Set<String> publicRoutes() {
    String resource = "/ai/spice/cloud/client/public-operations.txt";
    try (InputStream in = Operation.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the client jar (the build derives it from the spec)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
