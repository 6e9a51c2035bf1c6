package ai.spice.cloud.testing;

/**
 * Sees every call a fake answers, as it is journaled (secrets masked). Pass one to
 * {@link SpiceCloudFake.Builder#listener(CallListener)}, or register an implementation with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/ai.spice.cloud.testing.CallListener}) to see the
 * calls of every fake started in the JVM: this project's own build does that to check every response against
 * the merged OpenAPI document.
 *
 * <p>Called on the server's threads, possibly concurrently; an exception thrown here is ignored.
 */
@FunctionalInterface
public interface CallListener {
  /**
   * Called once per call, after it was answered (or a fault ended it).
   *
   * @param call the call, secrets masked
   */
  void onCall(RecordedCall call);
}
