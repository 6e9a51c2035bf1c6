package ai.spice.cloud.client.internal;

import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's logger on SLF4J ({@code ai.spice.cloud.client}, DEBUG) that masks credential headers, API key
 * values in bodies and the exact token of the exchange being logged, at every level including FULL.
 */
public final class RedactingLogger extends feign.Logger {

  /** The SLF4J logger every client writes to. */
  public static final String NAME = "ai.spice.cloud.client";

  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final ThreadLocal<String> CURRENT_TOKEN = new ThreadLocal<>();

  private final Logger log = LoggerFactory.getLogger(NAME);

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    CURRENT_TOKEN.set(Exchanges.bearerToken(request));
    try {
      super.logRequest(configKey, logLevel, request);
    } finally {
      CURRENT_TOKEN.remove();
    }
  }

  @Override
  protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response,
      long elapsedTime) throws IOException {
    CURRENT_TOKEN.set(Exchanges.bearerToken(response.request()));
    try {
      return super.logAndRebufferResponse(configKey, logLevel, response, elapsedTime);
    } finally {
      CURRENT_TOKEN.remove();
    }
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (!log.isDebugEnabled()) {
      return;
    }
    Object[] safe = args.clone();
    // Feign logs each header as ("%s: %s", name, value).
    if ("%s: %s".equals(format) && safe.length == 2 && safe[0] != null
        && SECRET_HEADERS.contains(safe[0].toString().toLowerCase(Locale.ROOT))) {
      safe[1] = Redactor.MASK;
    }
    String line = methodTag(configKey) + String.format(format, safe);
    // Feign logs a body as ("%s", body); bodies get the stricter redaction.
    log.debug("%s".equals(format) ? Redactor.redactBody(line, CURRENT_TOKEN.get())
        : Redactor.redact(line, CURRENT_TOKEN.get()));
  }
}
