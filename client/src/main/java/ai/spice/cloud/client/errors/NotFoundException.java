package ai.spice.cloud.client.errors;

import java.util.List;
import java.util.Map;

/** HTTP 404: no app with this id is visible to the token. */
public class NotFoundException extends SpiceCloudServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param statusCode HTTP status of the response
   * @param method HTTP method of the request
   * @param path request path
   * @param headers response headers
   * @param bodyExcerpt bounded, redacted body excerpt
   */
  public NotFoundException(
      int statusCode,
      String method,
      String path,
      Map<String, ? extends List<String>> headers,
      String bodyExcerpt) {
    super(statusCode, method, path, headers, bodyExcerpt);
  }
}
