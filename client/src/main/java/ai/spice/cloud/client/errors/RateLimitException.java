package ai.spice.cloud.client.errors;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HTTP 429: too many requests. GET calls are retried before this is thrown; regeneration never is. */
public class RateLimitException extends SpiceCloudServiceException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * @param statusCode HTTP status of the response
   * @param method HTTP method of the request
   * @param path request path
   * @param headers response headers
   * @param bodyExcerpt bounded, redacted body excerpt
   * @param retryAfter the server's {@code Retry-After}, if it sent a valid one
   */
  public RateLimitException(
      int statusCode,
      String method,
      String path,
      Map<String, ? extends List<String>> headers,
      String bodyExcerpt,
      Duration retryAfter) {
    super(statusCode, method, path, headers, bodyExcerpt);
    this.retryAfter = retryAfter;
  }

  /** @return how long the server asked to wait, from a valid {@code Retry-After} header */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
