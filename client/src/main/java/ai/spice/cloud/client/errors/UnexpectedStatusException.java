package ai.spice.cloud.client.errors;

import java.util.List;
import java.util.Map;

/** Any other non-2xx status (for example 3xx, 408, 409), not described by the spec. */
public class UnexpectedStatusException extends SpiceCloudServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param statusCode HTTP status of the response
   * @param method HTTP method of the request
   * @param path request path
   * @param headers response headers
   * @param bodyExcerpt bounded, redacted body excerpt
   */
  public UnexpectedStatusException(
      int statusCode,
      String method,
      String path,
      Map<String, ? extends List<String>> headers,
      String bodyExcerpt) {
    super(statusCode, method, path, headers, bodyExcerpt);
  }
}
