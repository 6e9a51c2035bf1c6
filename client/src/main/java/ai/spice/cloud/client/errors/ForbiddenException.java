package ai.spice.cloud.client.errors;

import java.util.List;
import java.util.Map;

/** HTTP 403: the token lacks the scope for this call (GET needs {@code apps:read}, POST needs {@code apps:write}). */
public class ForbiddenException extends SpiceCloudServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param statusCode HTTP status of the response
   * @param method HTTP method of the request
   * @param path request path
   * @param headers response headers
   * @param bodyExcerpt bounded, redacted body excerpt
   */
  public ForbiddenException(
      int statusCode,
      String method,
      String path,
      Map<String, ? extends List<String>> headers,
      String bodyExcerpt) {
    super(statusCode, method, path, headers, bodyExcerpt);
  }
}
