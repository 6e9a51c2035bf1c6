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

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Sleeper sleeper;
  private final Clock clock;

  RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
      Sleeper sleeper, Clock clock) {
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxRetryAfter = maxRetryAfter;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * @param status the answer's status, or 0 when none arrived
   * @param retryAfter the answer's {@code Retry-After}, or null
   * @return whether the call goes on: true after waiting, false to give up (the thread is interrupted, or no
   *     retry is allowed)
   */
  boolean waitBeforeRetry(CallContext call, int status, String retryAfter) {
    if (!IDEMPOTENT.contains(call.operation.method) || call.attempt > maxRetries
        || status != 0 && !TRANSIENT.contains(status)) {
      return false;
    }
    Duration asked = parseRetryAfter(retryAfter, clock);
    Duration wait = asked != null && asked.compareTo(maxRetryAfter) <= 0 ? asked : backoff(call.attempt - 1);
    if (wait.toNanos() >= call.remainingNanos()) {
      return false;
    }
    try {
      sleeper.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Equal jitter: half the exponential step is fixed, half random, so retries never bunch at zero. */
  Duration backoff(int retry) {
    long base = initialBackoff.toMillis() << Math.min(retry, 30);
    long capped = Math.max(0, Math.min(base < 0 ? Long.MAX_VALUE : base, maxBackoff.toMillis()));
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
  }

  /**
   * {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110 section 10.2.3).
   *
   * @return the wait it asks for; null for none, garbage, negative numbers and dates in the past
   */
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
