package ai.spice.cloud.client;

import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import ai.spice.cloud.client.errors.SpiceCloudTimeoutException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import okhttp3.Response;

/**
 * Every failure as its typed exception: a non-2xx answer, a body that is not the documented JSON, a network
 * failure. Messages name the request, never a secret: excerpts and the API's error message are redacted with
 * the token the attempt sent.
 */
final class ErrorDecoder {

  /** Length of body excerpts and error messages in exceptions. */
  static final int EXCERPT_CHARS = 512;

  private final Clock clock;

  ErrorDecoder(Clock clock) {
    this.clock = clock;
  }

  SpiceCloudServiceException status(CallContext call, Response response, byte[] body) {
    String message = null;
    String code = null;
    JsonNode error = errorBody(body);
    if (error != null) {
      JsonNode text = error.path("error").isTextual() ? error.get("error") : error.path("message");
      message = text.isTextual() ? bounded(Redactor.redactBody(text.asText(), call.token)) : null;
      code = error.path("code").isTextual() ? bounded(Redactor.redactBody(error.get("code").asText(), call.token)) : null;
    }
    int status = response.code();
    return SpiceCloudServiceException.forStatus(status, call.request.method(), path(call),
        response.headers().toMultimap(), Redactor.excerpt(body, EXCERPT_CHARS, call.token), message, code,
        status == 429 ? RetryPolicy.parseRetryAfter(response.header("Retry-After"), clock) : null);
  }

  static SpiceCloudInvalidResponseException invalid(CallContext call, Response response, byte[] body,
      String problem) {
    return new SpiceCloudInvalidResponseException(problem + call.operation.responseName + " from "
        + call.request.method() + " " + path(call) + " (HTTP " + response.code() + ")", response.code(),
        Redactor.excerpt(body, EXCERPT_CHARS, call.token));
  }

  static SpiceCloudIoException io(CallContext call, IOException e) {
    String where = call.request.method() + " " + path(call);
    String detail = Redactor.redact(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
        call.token);
    if (e instanceof InterruptedIOException) { // socket timeouts and OkHttp's call timeout
      return new SpiceCloudTimeoutException(where + " timed out (" + detail + ")", e);
    }
    return new SpiceCloudIoException(where + " failed: " + detail, e);
  }

  private static String path(CallContext call) {
    return call.request.url().encodedPath();
  }

  /** The API's error object, if the body is one: {@code {"error": "...", "code": "...", "details": {...}}}. */
  private static JsonNode errorBody(byte[] body) {
    int first = 0;
    while (first < body.length && Character.isWhitespace(body[first])) {
      first++;
    }
    if (first == body.length || body[first] != '{' || body.length > Transport.MAX_BODY_BYTES) {
      return null;
    }
    try {
      JsonNode node = Models.MAPPER.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  private static String bounded(String text) {
    return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
  }
}
