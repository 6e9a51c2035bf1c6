package ai.spice.cloud.client.errors;

import java.io.IOException;

/**
 * The exchange failed below HTTP: refused, reset, TLS failure, and so on; the cause is the original
 * {@link IOException}. A POST that fails this way may or may not have reached the server; it is never re-sent.
 */
public class SpiceCloudIoException extends SpiceCloudException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, free of secrets
   * @param cause the I/O failure
   */
  public SpiceCloudIoException(String message, IOException cause) {
    super(message, cause);
  }
}
