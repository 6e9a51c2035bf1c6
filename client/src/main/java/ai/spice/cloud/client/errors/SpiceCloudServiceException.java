package ai.spice.cloud.client.errors;

import java.io.Serializable;
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
      String errorMessage, String errorCode) implements Serializable {}

  /** The HTTP status. */
  private final int statusCode;
  /** Method, path, headers, excerpt and the API's error body. */
  private final Details details;

  SpiceCloudServiceException(int statusCode, Details details) {
    super(details.method() + " " + details.path() + " failed with HTTP " + statusCode
        + (header(details.headers(), "x-request-id") == null ? "" : " (x-request-id "
        + header(details.headers(), "x-request-id") + ")"));
    this.statusCode = statusCode;
    this.details = details;
  }

  /**
   * The typed exception for a non-2xx answer: the status picks the class (400, 401, 403, 404, 429, 5xx, else
   * {@link UnexpectedStatusException}). Headers are copied without credential headers; the excerpt and error
   * message must already be redacted.
   *
   * @param statusCode the HTTP status, not 2xx
   * @param method the request's method
   * @param path the request's path
   * @param headers the response headers
   * @param bodyExcerpt the start of the body, bounded and redacted; null reads as empty
   * @param errorMessage the API's {@code error} (or {@code message}), or null
   * @param errorCode the API's {@code code}, or null
   * @param retryAfter the wait a 429's {@code Retry-After} asked for, or null
   * @return the exception, not thrown
   */
  public static SpiceCloudServiceException forStatus(int statusCode, String method, String path,
      Map<String, ? extends List<String>> headers, String bodyExcerpt, String errorMessage, String errorCode,
      Duration retryAfter) {
    Details d = new Details(method, path, safeCopy(headers), bodyExcerpt == null ? "" : bodyExcerpt, errorMessage,
        errorCode);
    return switch (statusCode) {
      case 400 -> new BadRequestException(d);
      case 401 -> new UnauthorizedException(d);
      case 403 -> new ForbiddenException(d);
      case 404 -> new NotFoundException(d);
      case 429 -> new RateLimitException(d, retryAfter);
      default -> statusCode >= 500 && statusCode <= 599 ? new InternalServerException(statusCode, d)
          : new UnexpectedStatusException(statusCode, d);
    };
  }

  /** @return the HTTP status code, fixed by the subclass where it names one */
  public int statusCode() {
    return statusCode;
  }

  /** @return the HTTP method of the failed request */
  public String method() {
    return details.method();
  }

  /** @return the path of the failed request */
  public String path() {
    return details.path();
  }

  /** @return response headers (case-insensitive keys, unmodifiable, never {@code Authorization}) */
  public Map<String, List<String>> headers() {
    return details.headers();
  }

  /** @return the server's {@code x-request-id}, to quote to Spice AI support */
  public Optional<String> requestId() {
    return Optional.ofNullable(header(details.headers(), "x-request-id"));
  }

  /** @return the start of the response body, bounded, with tokens and API keys redacted */
  public String bodyExcerpt() {
    return details.bodyExcerpt();
  }

  /** @return {@code error} (or {@code message}) of the API's error body, redacted and bounded; else empty */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(details.errorMessage());
  }

  /** @return the {@code code} of the API's error body, e.g. {@code insufficient_scope}; empty if none */
  public Optional<String> errorCode() {
    return Optional.ofNullable(details.errorCode());
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
