package ai.spice.cloud.client.internal;

import ai.spice.cloud.client.Sleeper;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries GET only: after a connection failure, or a transient status the {@link StatusErrorDecoder}
 * marked retryable. Waits for the server's {@code Retry-After} when it is valid and within the cap,
 * otherwise for an exponential backoff with jitter. Anything else (above all a POST) propagates at once.
 * Feign clones one per call, so the attempt count is per call.
 */
public final class GetOnlyRetryer implements Retryer {

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Sleeper sleeper;
  private final Clock clock;
  private int retries;

  public GetOnlyRetryer(int maxRetries, Duration initialBackoff, Duration maxBackoff,
      Duration maxRetryAfter, Sleeper sleeper, Clock clock) {
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxRetryAfter = maxRetryAfter;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  @Override
  public void continueOrPropagate(RetryableException e) {
    if (e.method() != Request.HttpMethod.GET || retries >= maxRetries) {
      throw e;
    }
    Duration wait = serverAskedWait(e)
        .filter(d -> d.compareTo(maxRetryAfter) <= 0)
        .orElseGet(() -> backoff(retries));
    retries++;
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  /** Equal jitter: half the exponential step is fixed, half random, so retries never bunch at zero. */
  Duration backoff(int retry) {
    long base = initialBackoff.toMillis() << Math.min(retry, 30);
    long capped = Math.max(0, Math.min(base < 0 ? Long.MAX_VALUE : base, maxBackoff.toMillis()));
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
  }

  private Optional<Duration> serverAskedWait(RetryableException e) {
    if (e.getCause() instanceof SpiceCloudServiceException) {
      List<String> values = ((SpiceCloudServiceException) e.getCause()).headers().get("Retry-After");
      if (values != null && !values.isEmpty()) {
        return RetryAfter.parse(values.get(0), clock);
      }
    }
    return Optional.empty();
  }

  @Override
  public Retryer clone() {
    return new GetOnlyRetryer(maxRetries, initialBackoff, maxBackoff, maxRetryAfter, sleeper, clock);
  }
}
