package ai.spice.cloud.client.errors;

/** Base of every exception the client throws. Unchecked; messages never contain a token, key or secret. */
public class SpiceCloudException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** @param message what went wrong, free of secrets */
  public SpiceCloudException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, free of secrets
   * @param cause the underlying failure
   */
  public SpiceCloudException(String message, Throwable cause) {
    super(message, cause);
  }
}
