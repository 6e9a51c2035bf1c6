package ai.spice.cloud.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Undoes {@link OkHttpFollowUpShield}: Feign and the caller see the server's own status and headers. */
public final class FollowUpRestoringClient implements Client {

  private final Client delegate;

  public FollowUpRestoringClient(Client delegate) {
    this.delegate = delegate;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Response response = delegate.execute(request, options);
    Collection<String> status = header(response, OkHttpFollowUpShield.ORIGINAL_STATUS);
    Collection<String> retryAfter = header(response, OkHttpFollowUpShield.HIDDEN_RETRY_AFTER);
    if (status == null && retryAfter == null) {
      return response;
    }
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase(OkHttpFollowUpShield.ORIGINAL_STATUS)
          && !name.equalsIgnoreCase(OkHttpFollowUpShield.HIDDEN_RETRY_AFTER)) {
        headers.put(name, values);
      }
    });
    if (retryAfter != null) {
      headers.put("Retry-After", retryAfter);
    }
    int code = status == null ? response.status() : Integer.parseInt(status.iterator().next());
    return response.toBuilder().status(code).headers(headers).build();
  }

  private static Collection<String> header(Response response, String name) {
    // Feign's response headers are case-insensitive: a lookup, not a scan, on the hot path.
    Collection<String> direct = response.headers().get(name);
    if (direct != null) {
      return direct.isEmpty() ? null : direct;
    }
    for (Map.Entry<String, Collection<String>> e : response.headers().entrySet()) {
      if (name.equalsIgnoreCase(e.getKey()) && !e.getValue().isEmpty()) {
        return e.getValue();
      }
    }
    return null;
  }
}
