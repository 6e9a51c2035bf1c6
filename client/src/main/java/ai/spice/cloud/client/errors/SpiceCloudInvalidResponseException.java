package ai.spice.cloud.client.errors;

/**
 * The server answered 2xx but the body could not be read as the documented JSON: an HTML page, an empty,
 * oversized or truncated body, or not the object documented (thrown by the call); or one field's value did not
 * read as its type (thrown by that field's getter, or by the call with {@code strictDecoding(true)}), with
 * {@link #pointer()} saying where.
 */
public class SpiceCloudInvalidResponseException extends SpiceCloudException {

  private static final long serialVersionUID = 1L;

  /** The 2xx status of the answer. */
  private final int statusCode;
  /** The start of the body, bounded and redacted. */
  private final String bodyExcerpt;
  /** The JSON pointer of the malformed value; null when the whole body failed. */
  private final String pointer;

  /**
   * @param message what was wrong, free of secrets
   * @param statusCode the 2xx status of the answer
   * @param bodyExcerpt the start of the body, bounded and redacted; null reads as empty
   */
  public SpiceCloudInvalidResponseException(String message, int statusCode, String bodyExcerpt) {
    this(message, statusCode, bodyExcerpt, null);
  }

  /**
   * An error in one value of the body.
   *
   * @param message what was wrong, free of secrets
   * @param statusCode the HTTP status code
   * @param bodyExcerpt the start of the value, bounded and redacted, or a mask for a secret member
   * @param pointer the JSON pointer of the value in the body, e.g. {@code /apps/0/created_at}; null for the body
   */
  public SpiceCloudInvalidResponseException(String message, int statusCode, String bodyExcerpt, String pointer) {
    super(message);
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
    this.pointer = pointer;
  }

  /** @return the HTTP status code */
  public int statusCode() {
    return statusCode;
  }

  /**
   * @return the start of the response body, or of the value {@link #pointer()} names, bounded, with tokens and
   *     API keys redacted
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  /** @return the JSON pointer of the malformed value, e.g. {@code /apps/0/created_at}; null when the body failed */
  public String pointer() {
    return pointer;
  }
}
