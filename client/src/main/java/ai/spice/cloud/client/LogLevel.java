package ai.spice.cloud.client;

/**
 * How much of each HTTP exchange the client logs, through the SLF4J logger {@code ai.spice.cloud.client}
 * at DEBUG level. Whatever the level, the bearer token and API key values are replaced by {@code ***}.
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
