package ai.spice.cloud.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an armed call answers instead of (or on top of) its normal response; arm one with
 * {@link SpiceCloudFake#failNext(Operation, int, Fault)}.
 *
 * <p>Status faults and {@link #connectionReset()} replace the call: nothing changes in the fake's state.
 * {@link #delay(Duration)} and {@link #responseLost()} let the call take effect (a regeneration does happen) and
 * then answer late or not at all, which is what a caller sees when a response is lost on the way back.
 */
public final class Fault {
  /** The kinds of fault. */
  public enum Kind {
    /** 503, with or without {@code Retry-After}. */
    SERVICE_UNAVAILABLE,
    /** 429, with or without {@code Retry-After}. */
    TOO_MANY_REQUESTS,
    /** 500. */
    INTERNAL_SERVER_ERROR,
    /** The call takes effect; its response starts after a delay. */
    DELAY,
    /** The connection is closed before the call takes effect: no response. */
    CONNECTION_RESET,
    /** The call takes effect, then the connection is closed before the response: the response is lost. */
    RESPONSE_LOST
  }

  private final Kind kind;
  private final Duration duration;

  private Fault(Kind kind, Duration duration) {
    this.kind = kind;
    this.duration = duration;
  }

  /** @return a 503 without {@code Retry-After} */
  public static Fault serviceUnavailable() {
    return new Fault(Kind.SERVICE_UNAVAILABLE, null);
  }

  /**
   * @param retryAfter sent as {@code Retry-After} in whole seconds (rounded up)
   * @return a 503 with {@code Retry-After}
   * @throws IllegalArgumentException if it is negative
   * @throws NullPointerException if it is null
   */
  public static Fault serviceUnavailable(Duration retryAfter) {
    return new Fault(Kind.SERVICE_UNAVAILABLE, nonNegative(retryAfter));
  }

  /** @return a 429 without {@code Retry-After} */
  public static Fault tooManyRequests() {
    return new Fault(Kind.TOO_MANY_REQUESTS, null);
  }

  /**
   * @param retryAfter sent as {@code Retry-After} in whole seconds (rounded up)
   * @return a 429 with {@code Retry-After}
   * @throws IllegalArgumentException if it is negative
   * @throws NullPointerException if it is null
   */
  public static Fault tooManyRequests(Duration retryAfter) {
    return new Fault(Kind.TOO_MANY_REQUESTS, nonNegative(retryAfter));
  }

  /** @return a 500 */
  public static Fault internalServerError() {
    return new Fault(Kind.INTERNAL_SERVER_ERROR, null);
  }

  /**
   * @param delay how long the response waits
   * @return the call takes effect and its response starts after {@code delay}
   * @throws IllegalArgumentException if it is negative
   * @throws NullPointerException if it is null
   */
  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, nonNegative(delay));
  }

  /** @return the connection is closed before the call takes effect */
  public static Fault connectionReset() {
    return new Fault(Kind.CONNECTION_RESET, null);
  }

  /** @return the call takes effect, then the connection is closed instead of answering */
  public static Fault responseLost() {
    return new Fault(Kind.RESPONSE_LOST, null);
  }

  /** @return what kind of fault this is */
  public Kind kind() {
    return kind;
  }

  /** @return the {@code Retry-After} of a status fault, or the delay of {@link Kind#DELAY} */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /** @return whether the call still takes effect (state changes as without the fault) */
  public boolean callTakesEffect() {
    return kind == Kind.DELAY || kind == Kind.RESPONSE_LOST;
  }

  /** The status a status fault answers, 0 for the others. */
  int status() {
    return switch (kind) {
      case SERVICE_UNAVAILABLE -> 503;
      case TOO_MANY_REQUESTS -> 429;
      case INTERNAL_SERVER_ERROR -> 500;
      default -> 0;
    };
  }

  private static Duration nonNegative(Duration d) {
    Objects.requireNonNull(d, "duration");
    if (d.isNegative()) {
      throw new IllegalArgumentException("a fault's duration must not be negative: " + d);
    }
    return d;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fault f && f.kind == kind && Objects.equals(f.duration, duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, duration);
  }

  @Override
  public String toString() {
    return kind + (duration == null ? "" : "(" + duration + ")");
  }
}
