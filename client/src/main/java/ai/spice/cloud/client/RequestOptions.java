package ai.spice.cloud.client;

import java.time.Duration;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.Request;

/**
 * A timeout and extra headers for the calls of one {@link SpiceCloudClient#withOptions view} of a client,
 * without building another: {@code client.withOptions(RequestOptions.timeout(Duration.ofSeconds(5))
 * .withHeader("X-Org-Name", "acme")).apps().listApps()}. Immutable.
 */
public final class RequestOptions {

  static final RequestOptions NONE = new RequestOptions(null, Headers.of());

  final Duration timeout; // null: the client's
  private final Headers headers;

  private RequestOptions(Duration timeout, Headers headers) {
    this.timeout = timeout;
    this.headers = headers;
  }

  /**
   * @param timeout the most each call may take, attempts and waits included, instead of the client's
   *     {@link SpiceCloudClient.Builder#timeout(Duration) timeout}; a longer one raises the call and read
   *     timeouts to it, so a slow call is not cut short
   * @return options with this timeout
   */
  public static RequestOptions timeout(Duration timeout) {
    return NONE.withTimeout(timeout);
  }

  /**
   * @param name e.g. {@code X-Org-Name}; not {@code Authorization}, which comes from the token supplier
   * @param value its value; a header the client sends of the same name is replaced
   * @return options that send this header
   * @throws IllegalArgumentException for a name or value HTTP does not allow
   */
  public static RequestOptions header(String name, String value) {
    return NONE.withHeader(name, value);
  }

  /** @return these options with that timeout instead (see {@link #timeout(Duration)}) */
  public RequestOptions withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new RequestOptions(timeout, headers);
  }

  /** @return these options plus that header (see {@link #header(String, String)}) */
  public RequestOptions withHeader(String name, String value) {
    if ("Authorization".equalsIgnoreCase(name)) {
      throw new IllegalArgumentException("Authorization comes from the client's token supplier");
    }
    return new RequestOptions(timeout, headers.newBuilder().set(name, value).build());
  }

  /** These options with {@code other}'s timeout (if it has one) and headers on top. */
  RequestOptions with(RequestOptions other) {
    Headers.Builder merged = headers.newBuilder();
    for (int i = 0; i < other.headers.size(); i++) {
      merged.set(other.headers.name(i), other.headers.value(i));
    }
    return new RequestOptions(other.timeout != null ? other.timeout : timeout, merged.build());
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
