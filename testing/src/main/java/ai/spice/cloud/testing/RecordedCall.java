package ai.spice.cloud.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call as the fake journaled it: the request, the response, any injected fault. Secrets are masked: the
 * credential of {@code Authorization} (and of {@code Cookie}), and every {@code api_key} / {@code api_key_2} value
 * in a body, are {@value Masking#MASK}.
 *
 * @param sequence 1 for the first call of a fake, then counting up
 * @param receivedAt when the fake received the request
 * @param method the request method
 * @param path the request path, as sent (encoded), without the query
 * @param query the raw query string, empty when there was none
 * @param operation the documented operation the request matched, empty for an unknown path or method
 * @param requestHeaders the request headers, masked; names as sent
 * @param requestBody the request body as text (at most 64 KiB of it), masked; empty when there was none
 * @param requestBodySize the full size of the request body in bytes
 * @param status the status the fake answered, 0 when it closed the connection before answering
 * @param responseHeaders the response headers
 * @param responseBody the response body, masked
 * @param fault the fault the call consumed, if one was armed for it
 * @param undocumented why this response is beyond the merged document (an injected status, an unknown
 *     operation, a body over 1 MiB, an invalid X-Org-Name), empty for a documented response
 */
public record RecordedCall(
    long sequence,
    Instant receivedAt,
    String method,
    String path,
    String query,
    Optional<Operation> operation,
    Map<String, List<String>> requestHeaders,
    Optional<String> requestBody,
    long requestBodySize,
    int status,
    Map<String, List<String>> responseHeaders,
    Optional<String> responseBody,
    Optional<Fault> fault,
    Optional<String> undocumented) {

  /**
   * Copies the header maps, so a call cannot change after it was journaled; the components are described on the
   * record.
   *
   * @param sequence see the record
   * @param receivedAt see the record
   * @param method see the record
   * @param path see the record
   * @param query see the record
   * @param operation see the record
   * @param requestHeaders see the record
   * @param requestBody see the record
   * @param requestBodySize see the record
   * @param status see the record
   * @param responseHeaders see the record
   * @param responseBody see the record
   * @param fault see the record
   * @param undocumented see the record
   * @throws NullPointerException if a header map is null
   */
  public RecordedCall {
    requestHeaders = Map.copyOf(requestHeaders);
    responseHeaders = Map.copyOf(responseHeaders);
  }

  /**
   * @param name the header name, any case
   * @return the first value of that request header
   */
  public Optional<String> requestHeader(String name) {
    return header(requestHeaders, name);
  }

  /**
   * @param name the header name, any case
   * @return the first value of that response header
   */
  public Optional<String> responseHeader(String name) {
    return header(responseHeaders, name);
  }

  /**
   * @param op an operation
   * @return whether this call matched {@code op}
   */
  public boolean is(Operation op) {
    return operation.filter(op::equals).isPresent();
  }

  private static Optional<String> header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }
}
