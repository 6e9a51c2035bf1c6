package ai.spice.cloud.client;

import java.time.Duration;
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
   * Options with a timeout for the whole call: {@code client.withOptions(RequestOptions.timeout(
   * Duration.ofSeconds(2))).health().getHealth()}.
   *
   * @param timeout the most the call may take, every attempt and backoff included
   * @return options whose calls take at most {@code timeout}, attempts and waits included, instead of the
   *     client's {@link SpiceCloudClient.Builder#timeout timeout}; a longer one also raises the call and read
   *     timeouts, so a slow call is not cut short
   * @throws IllegalArgumentException if {@code timeout} is not positive
   * @throws NullPointerException if {@code timeout} is null
   */
  public static RequestOptions timeout(Duration timeout) {
    return NONE.withTimeout(timeout);
  }

  /**
   * Options with an extra header: {@code client.withOptions(RequestOptions.header("X-Org-Name", "acme"))}.
   *
   * @param name the header's name
   * @param value its value
   * @return options that send header {@code name} (e.g. {@code X-Org-Name}, not {@code Authorization}, which
   *     comes from the token supplier), replacing one the client sends
   * @throws IllegalArgumentException if {@code name} is {@code Authorization}, or the name or value is not
   *     valid in HTTP
   * @throws NullPointerException if {@code name} or {@code value} is null
   */
  public static RequestOptions header(String name, String value) {
    return NONE.withHeader(name, value);
  }

  /**
   * @param timeout the most the call may take, every attempt and backoff included
   * @return these options with that timeout instead (see {@link #timeout(Duration)})
   * @throws IllegalArgumentException if {@code timeout} is not positive
   * @throws NullPointerException if {@code timeout} is null
   */
  public RequestOptions withTimeout(Duration timeout) {
    return new RequestOptions(SpiceCloudClient.Builder.requirePositive(timeout, "timeout"), headers);
  }

  /**
   * @param name the header's name
   * @param value its value
   * @return these options plus that header (see {@link #header(String, String)})
   * @throws IllegalArgumentException if {@code name} is {@code Authorization}, or the name or value is not
   *     valid in HTTP
   * @throws NullPointerException if {@code name} or {@code value} is null
   */
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
