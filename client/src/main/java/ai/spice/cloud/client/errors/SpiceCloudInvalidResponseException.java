package ai.spice.cloud.client.errors;

/**
 * The server answered 2xx but the body could not be read as the documented JSON: an HTML page, an empty
 * or truncated body, or a value of the wrong shape.
 */
public class SpiceCloudInvalidResponseException extends SpiceCloudException {

  private static final long serialVersionUID = 1L;

  /** The 2xx status of the answer. */
  private final int statusCode;
  /** The start of the body, bounded and redacted. */
  private final String bodyExcerpt;

  /**
   * @param message what was wrong, free of secrets
   * @param statusCode the 2xx status of the answer
   * @param bodyExcerpt the start of the body, bounded and redacted; null reads as empty
   */
  public SpiceCloudInvalidResponseException(String message, int statusCode, String bodyExcerpt) {
    super(message);
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
  }

  /** @return the HTTP status code */
  public int statusCode() {
    return statusCode;
  }

  /** @return the start of the response body, bounded, with tokens and API keys redacted */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
