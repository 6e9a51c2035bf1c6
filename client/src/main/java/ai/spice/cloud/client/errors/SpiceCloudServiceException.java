package ai.spice.cloud.client.errors;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The API answered with a non-2xx status. Subclasses name the common statuses, each with its status fixed;
 * catch this type for all of them.
 */
public class SpiceCloudServiceException extends SpiceCloudException {

  private static final long serialVersionUID = 1L;
  private static final List<String> HIDDEN_HEADERS =
      List.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  /** What every subclass carries besides its status. */
  record Details(String method, String path, Map<String, List<String>> headers, String bodyExcerpt,
      String errorMessage, String errorCode) {}

  private final int statusCode;
  private final String method;
  private final String path;
  private final Map<String, List<String>> headers;
  private final String requestId;
  private final String bodyExcerpt;
  private final String errorMessage;
  private final String errorCode;

  SpiceCloudServiceException(int statusCode, Details d) {
    super(describe(statusCode, d));
    this.statusCode = statusCode;
    this.method = d.method();
    this.path = d.path();
    this.headers = d.headers();
    this.requestId = header(d.headers(), "x-request-id");
    this.bodyExcerpt = d.bodyExcerpt() == null ? "" : d.bodyExcerpt();
    this.errorMessage = d.errorMessage();
    this.errorCode = d.errorCode();
  }

  /**
   * The typed exception for an answer: the status picks the class (400, 401, 403, 404, 429, 5xx, or
   * {@link UnexpectedStatusException} for any other).
   *
   * @param statusCode HTTP status of the response, not 2xx
   * @param method HTTP method of the request, e.g. {@code GET}
   * @param path request path, e.g. {@code /v1/apps/42/api-keys}
   * @param headers response headers; credential headers are dropped
   * @param bodyExcerpt bounded, already redacted start of the response body (may be empty)
   * @param errorMessage the {@code error} (or {@code message}) of the API's error body, redacted; null if none
   * @param errorCode the {@code code} of the API's error body, e.g. {@code insufficient_scope}; null if none
   * @param retryAfter the wait a 429's valid {@code Retry-After} asked for; null if none
   * @return the exception, not thrown
   */
  public static SpiceCloudServiceException forStatus(int statusCode, String method, String path,
      Map<String, ? extends List<String>> headers, String bodyExcerpt, String errorMessage, String errorCode,
      Duration retryAfter) {
    Details d = new Details(method, path, safeCopy(headers), bodyExcerpt, errorMessage, errorCode);
    switch (statusCode) {
      case 400:
        return new BadRequestException(d);
      case 401:
        return new UnauthorizedException(d);
      case 403:
        return new ForbiddenException(d);
      case 404:
        return new NotFoundException(d);
      case 429:
        return new RateLimitException(d, retryAfter);
      default:
        return statusCode >= 500 && statusCode <= 599 ? new InternalServerException(statusCode, d)
            : new UnexpectedStatusException(statusCode, d);
    }
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

  /**
   * @return the message of the API's error body {@code {"error": "...", "code": "...", "details": {...}}}
   *     ({@code message} where a server sends that instead), redacted and bounded; empty for any other body
   */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(errorMessage);
  }

  /** @return the {@code code} of the API's error body, e.g. {@code insufficient_scope}; empty if none */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  private static String describe(int statusCode, Details d) {
    String requestId = header(d.headers(), "x-request-id");
    return d.method() + " " + d.path() + " failed with HTTP " + statusCode
        + (requestId == null ? "" : " (x-request-id " + requestId + ")");
  }

  private static String header(Map<String, ? extends List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
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
