package ai.spice.cloud.client.errors;

import java.io.IOException;

/**
 * The connect, read or call timeout elapsed (the call timeout bounds a whole HTTP attempt). A regeneration that
 * fails this way may or may not have been carried out by the server; it is never re-sent automatically.
 */
public class SpiceCloudTimeoutException extends SpiceCloudIoException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what timed out
   * @param cause the timeout reported by the transport
   */
  public SpiceCloudTimeoutException(String message, IOException cause) {
    super(message, cause);
  }
}
