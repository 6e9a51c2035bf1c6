package ai.spice.cloud.spec.tool;

/** A problem with the fragments, the decorations or the merged document; the message names where. */
public final class SpecException extends RuntimeException {
  public SpecException(String message) {
    super(message);
  }
}
