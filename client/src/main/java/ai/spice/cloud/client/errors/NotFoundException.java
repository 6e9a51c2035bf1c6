package ai.spice.cloud.client.errors;

/** HTTP 404: no such resource (for example an app id) is visible to the token. */
public class NotFoundException extends SpiceCloudServiceException {

  NotFoundException(Details details) {
    super(404, details);
  }
}
