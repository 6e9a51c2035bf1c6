package ai.spice.cloud.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole decision whether an attempt is repeated, and how long to wait first. Nothing else in the client
 * (nor OkHttp, see {@link Transport}) sends a request again.
 *
 * <p>Only methods HTTP defines as idempotent are repeated: a refused or reset connection and a timeout before
 * the response head arrived ({@code status} 0), and 408, 429, 500, 502, 503 and 504. POST and PATCH never
 * are, whatever happens: regenerating an API key kills the old one at once. The wait is the server's
 * {@code Retry-After} when it lies within the cap, else an exponential backoff with jitter; no retry starts
 * when its wait would end after the call's deadline.
 */
final class RetryPolicy {

  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  private static final Set<Integer> TRANSIENT = Set.of(408, 429, 500, 502, 503, 504);

  private final SpiceCloudClient.Builder s;

  RetryPolicy(SpiceCloudClient.Builder settings) {
    this.s = settings;
  }

  /** After an answer ({@code status} 0: none arrived), waits and returns true, or returns false to give up. */
  boolean waitBeforeRetry(CallContext call, int status, String retryAfter) {
    if (!IDEMPOTENT.contains(call.operation.method) || call.attempt > s.maxRetries
        || status != 0 && !TRANSIENT.contains(status)) {
      return false;
    }
    Duration asked = parseRetryAfter(retryAfter, s.clock);
    Duration wait = asked != null && asked.compareTo(s.maxRetryAfter) <= 0 ? asked : backoff(call.attempt - 1);
    if (wait.toNanos() >= call.remainingNanos()) {
      return false;
    }
    try {
      s.sleeper.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Equal jitter: half the exponential step is fixed, half random, so retries never bunch at zero. */
  Duration backoff(int retry) {
    long base = s.initialBackoff.toMillis() << Math.min(retry, 30);
    long capped = Math.max(0, Math.min(base < 0 ? Long.MAX_VALUE : base, s.maxBackoff.toMillis()));
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
  }

  /** {@code Retry-After} (RFC 9110 10.2.3) as a wait; null for none, garbage, negatives and past dates. */
  static Duration parseRetryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException | ArithmeticException tooBig) {
        return null;
      }
    }
    try {
      Duration wait = Duration.between(clock.instant(),
          ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return wait.isNegative() ? null : wait;
    } catch (DateTimeParseException garbage) {
      return null;
    }
  }
}
