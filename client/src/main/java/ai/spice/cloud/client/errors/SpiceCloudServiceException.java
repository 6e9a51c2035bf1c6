package ai.spice.cloud.client.errors;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The API answered with a non-2xx status. Subclasses name the common statuses; catch this type for all
 * of them.
 */
public class SpiceCloudServiceException extends SpiceCloudException {

  private static final long serialVersionUID = 1L;
  private static final List<String> HIDDEN_HEADERS =
      List.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private final int statusCode;
  private final String method;
  private final String path;
  private final Map<String, List<String>> headers;
  private final String requestId;
  private final String bodyExcerpt;

  /**
   * @param statusCode HTTP status of the response
   * @param method HTTP method of the request, e.g. {@code GET}
   * @param path request path, e.g. {@code /v1/apps/42/api-keys}
   * @param headers response headers; credential headers are dropped
   * @param bodyExcerpt bounded, already redacted excerpt of the response body (may be empty)
   */
  public SpiceCloudServiceException(
      int statusCode,
      String method,
      String path,
      Map<String, ? extends List<String>> headers,
      String bodyExcerpt) {
    super(describe(statusCode, method, path, headerValue(headers, "x-request-id")));
    this.statusCode = statusCode;
    this.method = method;
    this.path = path;
    this.headers = safeCopy(headers);
    this.requestId = headerValue(headers, "x-request-id");
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
  }

  /** @return the HTTP status code */
  public int statusCode() {
    return statusCode;
  }

  /** @return the HTTP method of the failed request */
  public String method() {
    return method;
  }

  /** @return the path of the failed request */
  public String path() {
    return path;
  }

  /** @return response headers (case-insensitive keys, unmodifiable, never {@code Authorization}) */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** @return the server's {@code x-request-id}, to quote to Spice AI support */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** @return the start of the response body, bounded, with tokens and API keys redacted */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  private static String describe(int status, String method, String path, String requestId) {
    return method + " " + path + " failed with HTTP " + status
        + (requestId == null ? "" : " (x-request-id " + requestId + ")");
  }

  private static String headerValue(Map<String, ? extends List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, ? extends List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  private static Map<String, List<String>> safeCopy(Map<String, ? extends List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((name, values) -> {
        if (name != null && !HIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
          copy.put(name, List.copyOf(values));
        }
      });
    }
    return Collections.unmodifiableMap(copy);
  }
}
