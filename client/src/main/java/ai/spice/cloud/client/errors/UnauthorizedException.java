package ai.spice.cloud.client.errors;

/** HTTP 401: the bearer token is missing, invalid or expired. */
public class UnauthorizedException extends SpiceCloudServiceException {

  UnauthorizedException(Details details) {
    super(401, details);
  }
}
