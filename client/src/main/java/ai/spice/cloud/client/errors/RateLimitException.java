package ai.spice.cloud.client.errors;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429: too many requests. Reads are retried before this is thrown; a POST or PATCH never is. */
public class RateLimitException extends SpiceCloudServiceException {

  private static final long serialVersionUID = 1L;

  /** The wait a valid {@code Retry-After} asked for, or null. */
  private final Duration retryAfter;

  RateLimitException(Details details, Duration retryAfter) {
    super(429, details);
    this.retryAfter = retryAfter;
  }

  /** @return how long the server asked to wait, from a valid {@code Retry-After} header */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
