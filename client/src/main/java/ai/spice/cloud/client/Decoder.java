package ai.spice.cloud.client;

import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import ai.spice.cloud.client.errors.SpiceCloudTimeoutException;
import ai.spice.cloud.client.model.ApiResponse;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import okhttp3.Response;

/**
 * An answer as the method's result or as its typed exception: a 2xx must be the documented JSON within the
 * size cap; a non-2xx is the exception of its status, with the API's error message and code; a network failure
 * is an I/O or timeout exception. What a server sent is redacted, with the attempt's token, before it shows.
 */
final class Decoder {

  /** Length of body excerpts and error messages in exceptions. */
  static final int EXCERPT_CHARS = 512;

  /**
   * A 2xx: the model (in an {@link ApiResponse} for {@code *WithHttpInfo}), or an invalid-response error. A
   * field whose value does not read as its type fails only its getter ({@link SpiceCloudModel}), unless
   * {@code strict}.
   */
  static Object result(CallContext call, Response response, byte[] body, boolean strict) {
    Operation operation = call.operation;
    if (operation.reader() == null) {
      return null;
    }
    if (body.length > Transport.MAX_BODY_BYTES) {
      throw invalid(call, response, body, "Response body too large for ");
    }
    if (isBlank(body)) {
      throw invalid(call, response, body, "Empty response body where JSON was expected: ");
    }
    String type = response.header("Content-Type");
    if (type != null && !type.regionMatches(true, 0, "application/json", 0, 16) // the API's, without a copy
        && !type.toLowerCase(Locale.ROOT).contains("json")) {
      type = Redactor.redact(type.length() > 64 ? type.substring(0, 64) + "…" : type, call.token);
      throw invalid(call, response, body, "Expected a JSON response but got " + type + ": ");
    }
    Object data;
    try (JsonParser parser = operation.reader().createParser(body)) {
      parser.assignCurrentValue(new Tolerance.Source(call, response, body)); // see Tolerance.Source
      data = operation.reader().readValue(parser);
    } catch (IOException e) { // Jackson's message may quote the offending token, a key perhaps: not shown
      JsonLocation at = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getLocation() : null;
      throw invalid(call, response, body, "Malformed or unexpected JSON (" + e.getClass().getSimpleName()
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ") for ");
    }
    if (data == null) {
      throw invalid(call, response, body, "JSON null where an object was expected: ");
    }
    if (strict && data instanceof SpiceCloudModel model) {
      model.validate();
    }
    return !operation.withHttpInfo ? data
        : new ApiResponse<>(response.code(), Collections.unmodifiableMap(response.headers().toMultimap()), data);
  }

  /** A non-2xx: the exception of its status; {@code clock} dates a 429's {@code Retry-After}. */
  static SpiceCloudServiceException failure(CallContext call, Response response, byte[] body, Clock clock) {
    JsonNode error = errorBody(body); // {"error": "...", "code": "...", "details": {...}}, or "message"
    String message = text(error.path("error").isTextual() ? error.get("error") : error.path("message"), call);
    String code = text(error.path("code"), call);
    int status = response.code();
    return SpiceCloudServiceException.forStatus(status, call.request.method(), path(call),
        response.headers().toMultimap(), Redactor.excerpt(body, EXCERPT_CHARS, call.token), message, code,
        status == 429 ? RetryPolicy.parseRetryAfter(response.header("Retry-After"), clock) : null);
  }

  /** No answer, or not all of it. */
  static SpiceCloudIoException io(CallContext call, IOException e) {
    String where = call.request.method() + " " + path(call);
    String detail = Redactor.redact(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
        call.token);
    if (e instanceof InterruptedIOException) { // socket timeouts and OkHttp's call timeout
      return new SpiceCloudTimeoutException(where + " timed out (" + detail + ")", e);
    }
    return new SpiceCloudIoException(where + " failed: " + detail, e);
  }

  private static SpiceCloudInvalidResponseException invalid(CallContext call, Response response, byte[] body,
      String problem) {
    return new SpiceCloudInvalidResponseException(problem + call.operation.responseName + " from "
        + call.request.method() + " " + path(call) + " (HTTP " + response.code() + ")", response.code(),
        Redactor.excerpt(body, EXCERPT_CHARS, call.token));
  }

  private static String path(CallContext call) {
    return call.request.url().encodedPath();
  }

  /** The body's JSON, else a missing node; any node but an object has only missing members. */
  private static JsonNode errorBody(byte[] body) {
    try {
      return body.length > Transport.MAX_BODY_BYTES ? MissingNode.getInstance() : Models.MAPPER.readTree(body);
    } catch (IOException | RuntimeException notJson) {
      return MissingNode.getInstance();
    }
  }

  private static String text(JsonNode node, CallContext call) {
    String text = node.isTextual() ? Redactor.redactBody(node.asText(), call.token) : null;
    return text == null || text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
  }

  /** Nothing or ASCII whitespace only, checked on the bytes. */
  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!(b == ' ' || b >= 0x09 && b <= 0x0D || b >= 0x1C && b <= 0x1F)) {
        return false;
      }
    }
    return true;
  }
}
