package ai.spice.cloud.client.internal;

import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.model.ApiResponse;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Types;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads the whole (bounded) body, closes the response, and parses the bytes straight into the model
 * (wrapped in an {@link ApiResponse} for the {@code *WithHttpInfo} methods). Anything that is not the
 * documented JSON becomes a {@link SpiceCloudInvalidResponseException}. Messages, the request path and
 * the token to redact are only worked out on that error path: the success path is hot.
 */
public final class CheckedDecoder implements Decoder {

  private final ObjectMapper mapper;
  /** Resolving a JavaType walks Jackson's type factory; the client has only a handful of types. */
  private final ConcurrentMap<Type, Target> targets = new ConcurrentHashMap<>();

  public CheckedDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    byte[] body = Exchanges.readAndClose(response);
    if (body.length > Exchanges.MAX_BODY_BYTES) {
      throw invalid("Response body too large for ", response, type, body);
    }
    if (isBlank(body)) {
      throw invalid("Empty response body where JSON was expected: ", response, type, body);
    }
    String contentType = Exchanges.firstHeader(response, "Content-Type");
    if (contentType != null && !containsJson(contentType)) {
      throw invalid("Expected a JSON response but got " + contentType + ": ", response, type, body);
    }
    Target target = targets.computeIfAbsent(type, this::target);
    Object data;
    try {
      data = mapper.readValue(body, target.bodyType);
    } catch (JsonProcessingException e) {
      // Jackson's own message can quote the offending token, which may be a key: keep only its kind
      // and position.
      JsonLocation at = e.getLocation();
      throw invalid("Malformed or unexpected JSON (" + e.getClass().getSimpleName()
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ") for ",
          response, type, body);
    }
    if (data == null) {
      throw invalid("JSON null where an object was expected: ", response, type, body);
    }
    return target.withHttpInfo
        ? new ApiResponse<>(response.status(), Collections.unmodifiableMap(response.headers()), data)
        : data;
  }

  private Target target(Type type) {
    if (type instanceof ParameterizedType && Types.getRawType(type) == ApiResponse.class) {
      Type body = ((ParameterizedType) type).getActualTypeArguments()[0];
      return new Target(mapper.constructType(body), true);
    }
    return new Target(mapper.constructType(type), false);
  }

  /** What a declared return type asks for: the body's JSON type, and whether to wrap it. */
  private static final class Target {
    final JavaType bodyType;
    final boolean withHttpInfo;

    Target(JavaType bodyType, boolean withHttpInfo) {
      this.bodyType = bodyType;
      this.withHttpInfo = withHttpInfo;
    }
  }

  /** Nothing or ASCII whitespace only; checked on the bytes so the body is not decoded twice. */
  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      boolean whitespace = b == ' ' || b >= 0x09 && b <= 0x0D || b >= 0x1C && b <= 0x1F;
      if (!whitespace) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsJson(String contentType) {
    return contentType.regionMatches(true, 0, "application/json", 0, 16)
        || contentType.toLowerCase(Locale.ROOT).contains("json");
  }

  private static SpiceCloudInvalidResponseException invalid(String problem, Response response, Type type,
      byte[] body) {
    String what = typeName(type) + " from " + Exchanges.method(response.request()) + " "
        + Exchanges.path(response.request()) + " (HTTP " + response.status() + ")";
    return new SpiceCloudInvalidResponseException(problem + what, response.status(),
        Redactor.excerpt(body, Exchanges.EXCERPT_CHARS, Exchanges.bearerToken(response.request())));
  }

  private static String typeName(Type type) {
    if (type instanceof ParameterizedType) {
      Type[] args = ((ParameterizedType) type).getActualTypeArguments();
      return args.length == 1 ? typeName(args[0]) : Types.getRawType(type).getSimpleName();
    }
    return Types.getRawType(type).getSimpleName();
  }
}
