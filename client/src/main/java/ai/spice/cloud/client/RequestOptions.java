package ai.spice.cloud.client;

import java.time.Duration;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.Request;

/**
 * Settings for the calls of one {@link SpiceCloudClient#withOptions(RequestOptions) view} of a client, without
 * building another client: a timeout and extra headers. Immutable; combine them with the {@code with} methods.
 *
 * <pre>{@code
 * client.withOptions(RequestOptions.timeout(Duration.ofSeconds(5)).withHeader("X-Org-Name", "acme"))
 *     .apps().listApps();
 * }</pre>
 */
public final class RequestOptions {

  private static final RequestOptions NONE = new RequestOptions(null, Headers.of());

  private final Duration timeout;
  private final Headers headers;

  private RequestOptions(Duration timeout, Headers headers) {
    this.timeout = timeout;
    this.headers = headers;
  }

  /**
   * @param timeout the most each call may take, every attempt and wait between attempts included; it
   *     replaces the client's {@link SpiceCloudClient.Builder#timeout(Duration) timeout}, and when it is
   *     longer than the client's call and read timeouts it raises them too, so a slow call is not cut short
   * @return options with this timeout
   */
  public static RequestOptions timeout(Duration timeout) {
    return NONE.withTimeout(timeout);
  }

  /**
   * @param name a header name, e.g. {@code X-Org-Name}; not {@code Authorization}, which comes from the
   *     client's token
   * @param value its value
   * @return options that send this header
   * @throws IllegalArgumentException for a name or value HTTP does not allow
   */
  public static RequestOptions header(String name, String value) {
    return NONE.withHeader(name, value);
  }

  /**
   * @param timeout see {@link #timeout(Duration)}
   * @return these options with that timeout instead of theirs
   */
  public RequestOptions withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new RequestOptions(timeout, headers);
  }

  /**
   * @param name see {@link #header(String, String)}
   * @param value its value
   * @return these options plus the header (it replaces one of the same name the client would send)
   */
  public RequestOptions withHeader(String name, String value) {
    if ("Authorization".equalsIgnoreCase(name)) {
      throw new IllegalArgumentException("Authorization comes from the client's token supplier");
    }
    return new RequestOptions(timeout, headers.newBuilder().set(name, value).build());
  }

  /** These options with {@code other}'s on top: its timeout, if it has one, and its headers. */
  RequestOptions with(RequestOptions other) {
    Headers.Builder merged = headers.newBuilder();
    for (int i = 0; i < other.headers.size(); i++) {
      merged.set(other.headers.name(i), other.headers.value(i));
    }
    return new RequestOptions(other.timeout != null ? other.timeout : timeout, merged.build());
  }

  static RequestOptions none() {
    return NONE;
  }

  Duration timeoutOrNull() {
    return timeout;
  }

  long timeoutNanos(long otherwise) {
    return timeout == null ? otherwise : timeout.toNanos();
  }

  void addHeaders(Request.Builder request) {
    for (int i = 0; i < headers.size(); i++) {
      request.header(headers.name(i), headers.value(i));
    }
  }

  /** Header names only: their values may be sensitive. */
  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", headers=" + headers.names() + "}";
  }
}
