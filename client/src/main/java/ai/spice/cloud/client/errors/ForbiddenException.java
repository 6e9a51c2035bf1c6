package ai.spice.cloud.client.errors;

/** HTTP 403: the token lacks the scope for this call (for example {@code apps:read} to read,
 * {@code apps:write} to regenerate a key); {@link #errorCode()} tells which refusal, e.g. {@code insufficient_scope}. */
public class ForbiddenException extends SpiceCloudServiceException {

  private static final long serialVersionUID = 1L;

  ForbiddenException(Details details) {
    super(403, details);
  }
}
