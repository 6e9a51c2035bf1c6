package ai.spice.cloud.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each attempt at the client's {@link LogLevel} to {@value #NAME} at DEBUG, secrets masked at every level. */
final class HttpLogger {

  static final String NAME = "ai.spice.cloud.client";
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private final LogLevel level;
  /** Null at NONE: the logging backend is not even looked up. */
  private final Logger log;

  HttpLogger(LogLevel level) {
    this.level = level;
    this.log = level == LogLevel.NONE ? null : LoggerFactory.getLogger(NAME);
  }

  boolean on() {
    return log != null && log.isDebugEnabled();
  }

  void request(CallContext call) {
    if (!on()) {
      return;
    }
    Request request = call.request;
    String tag = "[" + call.operation.name + "] ";
    log.debug(tag + "--> " + request.method() + " " + Redactor.redact(request.url().toString(), call.token)
        + (call.attempt > 1 ? " (attempt " + call.attempt + ")" : ""));
    headers(tag, request.body() == null || request.body().contentType() == null ? request.headers()
        : request.headers().newBuilder().add("Content-Type", request.body().contentType().toString()).build(), call);
    String body = "";
    if (request.body() != null && level == LogLevel.FULL) {
      try (Buffer buffer = new Buffer()) {
        request.body().writeTo(buffer);
        body = buffer.readUtf8();
      } catch (IOException e) {
        body = "(not readable: " + e.getClass().getSimpleName() + ")";
      }
    }
    body(tag, body, call);
    log.debug(tag + "--> END " + request.method());
  }

  void response(CallContext call, Response response, byte[] body) {
    if (!on()) {
      return;
    }
    String tag = "[" + call.operation.name + "] ";
    log.debug(tag + "<-- " + response.protocol().toString().toUpperCase(Locale.ROOT) + " " + response.code() + " "
        + Redactor.redact(response.message(), call.token) + " (" + elapsedMillis(call) + " ms)");
    headers(tag, response.headers(), call);
    int shown = Math.min(body.length, Transport.MAX_BODY_BYTES);
    body(tag, level == LogLevel.FULL ? new String(body, 0, shown, StandardCharsets.UTF_8) : "", call);
    log.debug(tag + "<-- END HTTP (" + body.length + "-byte body" + (shown < body.length ? ", cut)" : ")"));
  }

  void failed(CallContext call, IOException e) {
    if (on()) {
      log.debug("[" + call.operation.name + "] <-- " + Redactor.redact(e.getClass().getName() + ": " + e.getMessage(),
          call.token) + " (" + elapsedMillis(call) + " ms)");
    }
  }

  private void headers(String tag, Headers headers, CallContext call) {
    for (int i = 0; level.compareTo(LogLevel.HEADERS) >= 0 && i < headers.size(); i++) {
      String value = SECRET_HEADERS.contains(headers.name(i).toLowerCase(Locale.ROOT)) ? Redactor.MASK
          : Redactor.redact(headers.value(i), call.token);
      log.debug(tag + headers.name(i) + ": " + value);
    }
  }

  private void body(String tag, String body, CallContext call) {
    if (!body.isEmpty()) {
      log.debug(tag + Redactor.redactBody(body, call.token));
    }
  }

  private static long elapsedMillis(CallContext call) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - call.attemptStarted);
  }
}
