package ai.spice.cloud.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole decision whether an attempt is repeated, and after how long; nothing else (nor OkHttp, see
 * {@link Transport}) sends a request again. Only methods HTTP defines as idempotent are, after no answer or a
 * 408, 429, 500, 502, 503, 504; POST and PATCH never (a regeneration kills the old key at once). The wait is
 * a capped {@code Retry-After}, else a jittered exponential backoff, and never ends after the deadline.
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
    try {
      if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Duration.ofSeconds(Long.parseLong(v));
      }
      Duration wait = Duration.between(clock.instant(),
          ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return wait.isNegative() ? null : wait;
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException tooBigOrGarbage) {
      return null;
    }
  }
}
