package ai.spice.cloud.client.errors;

/**
 * HTTP 403: the token lacks the scope for this call (e.g. {@code apps:write} to regenerate a key);
 * {@link #errorCode()} says which refusal, e.g. {@code insufficient_scope}.
 */
public class ForbiddenException extends SpiceCloudServiceException {

  ForbiddenException(Details details) {
    super(403, details);
  }
}
