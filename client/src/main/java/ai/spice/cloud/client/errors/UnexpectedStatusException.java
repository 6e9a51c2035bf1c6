package ai.spice.cloud.client.errors;

/** Any other non-2xx status (for example 3xx, 407, 408, 409), not described by the spec. */
public class UnexpectedStatusException extends SpiceCloudServiceException {

  UnexpectedStatusException(int statusCode, Details details) {
    super(statusCode, details);
  }
}
