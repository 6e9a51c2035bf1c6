package ai.spice.cloud.client;

/**
 * What one call knows about itself, handed to every stage of the {@link Pipeline}: which operation, which
 * attempt, the token that attempt sent (so the logger and the decoders can mask it without reading it back
 * out of a header), and the deadline of the whole call.
 */
final class CallContext {

  final Operation operation;
  /** {@link System#nanoTime()} by which the whole call, every attempt and wait included, must end. */
  private final long deadline;
  /** 1 for the first attempt. */
  int attempt;
  /** The request of the current attempt, as sent. */
  okhttp3.Request request;
  /** The bearer token of the current attempt; null for a public operation. */
  String token;
  /** When the current attempt started, {@link System#nanoTime()}. */
  long attemptStarted;

  CallContext(Operation operation, long timeoutNanos) {
    this.operation = operation;
    this.deadline = System.nanoTime() + timeoutNanos;
  }

  void nextAttempt() {
    attempt++;
    token = null;
    attemptStarted = System.nanoTime();
  }

  long remainingNanos() {
    return deadline - System.nanoTime();
  }
}
