package ai.spice.cloud.client;

import ai.spice.cloud.client.model.ApiResponse;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import okhttp3.Response;

/**
 * A 2xx answer as the method's result: the documented JSON, within the size cap, parsed into the model
 * (wrapped in an {@link ApiResponse} for the {@code *WithHttpInfo} methods). Anything else is a
 * {@link ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException}.
 */
final class ResponseDecoder {

  private ResponseDecoder() {}

  static Object decode(CallContext call, Response response, byte[] body) {
    Operation operation = call.operation;
    if (operation.reader == null) {
      return null;
    }
    if (body.length > Transport.MAX_BODY_BYTES) {
      throw ErrorDecoder.invalid(call, response, body, "Response body too large for ");
    }
    if (isBlank(body)) {
      throw ErrorDecoder.invalid(call, response, body, "Empty response body where JSON was expected: ");
    }
    String contentType = response.header("Content-Type");
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      String shown = contentType.length() > 64 ? contentType.substring(0, 64) + "…" : contentType;
      throw ErrorDecoder.invalid(call, response, body,
          "Expected a JSON response but got " + Redactor.redact(shown, call.token) + ": ");
    }
    Object data;
    try {
      data = operation.reader.readValue(body);
    } catch (IOException e) {
      // Jackson's own message can quote the offending token, which may be a key: only its kind and place.
      JsonLocation at = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getLocation() : null;
      throw ErrorDecoder.invalid(call, response, body, "Malformed or unexpected JSON (" + e.getClass().getSimpleName()
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ") for ");
    }
    if (data == null) {
      throw ErrorDecoder.invalid(call, response, body, "JSON null where an object was expected: ");
    }
    if (!operation.withHttpInfo) {
      return data;
    }
    Map<String, Collection<String>> headers = Collections.unmodifiableMap(response.headers().toMultimap());
    return new ApiResponse<>(response.code(), headers, data);
  }

  /** Nothing or ASCII whitespace only; checked on the bytes so the body is not decoded twice. */
  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!(b == ' ' || b >= 0x09 && b <= 0x0D || b >= 0x1C && b <= 0x1F)) {
        return false;
      }
    }
    return true;
  }
}
