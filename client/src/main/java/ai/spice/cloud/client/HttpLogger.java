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

/**
 * Logs each attempt at the client's {@link LogLevel} to the SLF4J logger {@value #NAME} at DEBUG, with the
 * attempt's token, credential headers and secret members masked at every level, FULL included. Redaction is
 * linear in the text ({@link Redactor}), so even a body at the size cap costs milliseconds.
 */
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

  private boolean on() {
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
    if (level.compareTo(LogLevel.HEADERS) >= 0) {
      if (request.body() != null && request.body().contentType() != null) {
        log.debug(tag + "Content-Type: " + request.body().contentType());
      }
      headers(tag, request.headers(), call);
    }
    long length = bodyLength(request);
    if (level == LogLevel.FULL && length > 0) {
      try (Buffer buffer = new Buffer()) {
        request.body().writeTo(buffer);
        log.debug(tag + Redactor.redactBody(buffer.readUtf8(), call.token));
      } catch (IOException e) {
        log.debug(tag + "(body not readable: " + e.getClass().getSimpleName() + ")");
      }
    }
    log.debug(tag + "--> END " + request.method() + (length > 0 ? " (" + length + "-byte body)" : ""));
  }

  void response(CallContext call, Response response, byte[] body) {
    if (!on()) {
      return;
    }
    String tag = "[" + call.operation.name + "] ";
    log.debug(tag + "<-- " + response.protocol().toString().toUpperCase(Locale.ROOT) + " " + response.code()
        + (response.message().isEmpty() ? "" : " " + Redactor.redact(response.message(), call.token))
        + " (" + elapsedMillis(call) + " ms)");
    if (level.compareTo(LogLevel.HEADERS) >= 0) {
      headers(tag, response.headers(), call);
    }
    if (level == LogLevel.FULL && body.length > 0) {
      int shown = Math.min(body.length, Transport.MAX_BODY_BYTES);
      log.debug(tag + Redactor.redactBody(new String(body, 0, shown, StandardCharsets.UTF_8), call.token)
          + (shown < body.length ? "… (over the size cap, cut)" : ""));
    }
    log.debug(tag + "<-- END HTTP (" + body.length + "-byte body)");
  }

  void failed(CallContext call, IOException e) {
    if (on()) {
      log.debug("[" + call.operation.name + "] <-- " + Redactor.redact(e.getClass().getName() + ": " + e.getMessage(),
          call.token) + " (" + elapsedMillis(call) + " ms)");
    }
  }

  private void headers(String tag, Headers headers, CallContext call) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      log.debug(tag + name + ": " + (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? Redactor.MASK
          : Redactor.redact(headers.value(i), call.token)));
    }
  }

  private static long bodyLength(Request request) {
    try {
      return request.body() == null ? 0 : request.body().contentLength();
    } catch (IOException e) {
      return -1;
    }
  }

  private static long elapsedMillis(CallContext call) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - call.attemptStarted);
  }
}
