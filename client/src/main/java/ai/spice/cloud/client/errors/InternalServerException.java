package ai.spice.cloud.client.errors;

/** HTTP 5xx: the server failed. Reads are retried before this is thrown; a POST or PATCH never is. */
public class InternalServerException extends SpiceCloudServiceException {

  InternalServerException(int statusCode, Details details) {
    super(statusCode, details);
  }
}
