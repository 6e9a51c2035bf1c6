package ai.spice.cloud.client.internal;

import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.model.ApiResponse;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import feign.Response;
import feign.Types;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * Reads the whole (bounded) body, closes the response, and only then lets the generated decoder map
 * it. Anything that is not the documented JSON becomes a {@link SpiceCloudInvalidResponseException}:
 * Feign's Jackson decoder would otherwise return {@code null} for an empty body.
 */
public final class CheckedDecoder implements Decoder {

  private final Decoder delegate;

  public CheckedDecoder(Decoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    String token = Exchanges.bearerToken(response.request());
    byte[] body = Exchanges.readAndClose(response);
    int status = response.status();
    String what = typeName(type) + " from " + Exchanges.method(response.request()) + " "
        + Exchanges.path(response.request()) + " (HTTP " + status + ")";
    if (body.length > Exchanges.MAX_BODY_BYTES) {
      throw invalid("Response body too large for " + what, status, body, token);
    }
    if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      throw invalid("Empty response body where JSON was expected: " + what, status, body, token);
    }
    String contentType = Exchanges.firstHeader(response, "Content-Type");
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      throw invalid("Expected a JSON response but got " + contentType + ": " + what, status, body, token);
    }
    Object decoded;
    try {
      decoded = delegate.decode(response.toBuilder().body(body).build(), type);
    } catch (JsonProcessingException e) {
      // Jackson's own message can quote the offending token, which may be a key: keep only its kind
      // and position.
      JsonLocation at = e.getLocation();
      throw invalid("Malformed or unexpected JSON (" + e.getClass().getSimpleName()
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
          + ") for " + what, status, body, token);
    }
    if (decoded == null || decoded instanceof ApiResponse && ((ApiResponse<?>) decoded).getData() == null) {
      throw invalid("JSON null where an object was expected: " + what, status, body, token);
    }
    return decoded;
  }

  private static SpiceCloudInvalidResponseException invalid(String message, int status, byte[] body,
      String token) {
    return new SpiceCloudInvalidResponseException(message, status,
        Redactor.excerpt(body, Exchanges.EXCERPT_CHARS, token));
  }

  private static String typeName(Type type) {
    if (type instanceof ParameterizedType) {
      Type[] args = ((ParameterizedType) type).getActualTypeArguments();
      return args.length == 1 ? typeName(args[0]) : Types.getRawType(type).getSimpleName();
    }
    return Types.getRawType(type).getSimpleName();
  }
}
