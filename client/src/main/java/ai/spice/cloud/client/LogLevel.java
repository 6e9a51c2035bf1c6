package ai.spice.cloud.client;

/**
 * How much of each exchange the client logs to the SLF4J logger {@code ai.spice.cloud.client} at DEBUG. At
 * every level, tokens, API keys and secret values read {@code ***}.
 */
public enum LogLevel {
  /** Nothing (default). */
  NONE,
  /** Request method and URL, response status and elapsed time. */
  BASIC,
  /** {@link #BASIC} plus request and response headers. */
  HEADERS,
  /** {@link #HEADERS} plus request and response bodies. */
  FULL
}
