package ai.spice.cloud.client.errors;

/** HTTP 400: the request was rejected as invalid (an app id, a parameter or the body). */
public class BadRequestException extends SpiceCloudServiceException {

  BadRequestException(Details details) {
    super(400, details);
  }
}
