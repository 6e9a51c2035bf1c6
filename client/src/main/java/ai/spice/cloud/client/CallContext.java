package ai.spice.cloud.client;

/** What one call knows about itself, for every stage of the {@link Pipeline} (no header is read back). */
final class CallContext {

  final Operation operation;
  private final long deadline; // System.nanoTime() by which every attempt and wait must end
  int attempt; // 1 for the first
  okhttp3.Request request; // as the current attempt sent it
  String token; // the current attempt's; null for a public operation
  long attemptStarted; // System.nanoTime()

  CallContext(Operation operation, long timeoutNanos) {
    this.operation = operation;
    this.deadline = System.nanoTime() + timeoutNanos;
  }

  void nextAttempt(boolean timed) {
    attempt++;
    token = null;
    attemptStarted = timed ? System.nanoTime() : 0;
  }

  long remainingNanos() {
    return deadline - System.nanoTime();
  }
}
