package ai.spice.cloud.client.errors;

import java.io.IOException;

/** A connect, read, call or whole-call timeout elapsed. A POST that fails this way is never re-sent. */
public class SpiceCloudTimeoutException extends SpiceCloudIoException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what timed out, free of secrets
   * @param cause the timeout the transport reported
   */
  public SpiceCloudTimeoutException(String message, IOException cause) {
    super(message, cause);
  }
}
