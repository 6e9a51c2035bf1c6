package ai.spice.cloud.client;

import ai.spice.cloud.client.errors.SpiceCloudException;
import java.util.function.Supplier;
import okhttp3.Request;

/** Puts the supplier's current token (a refreshed one, too) on each attempt, and notes it in the call. */
final class BearerAuth {

  private final Supplier<String> tokens;
  /** The last token and its header value: a token that did not change is not checked and joined again. */
  private volatile String[] last = {null, null};

  BearerAuth(Supplier<String> tokens) {
    this.tokens = tokens;
  }

  void authenticate(Request.Builder request, CallContext call) {
    String token;
    try {
      token = tokens.get();
    } catch (RuntimeException e) {
      throw new SpiceCloudException("The bearer token supplier failed: " + e.getClass().getName(), e);
    }
    String[] known = last;
    if (token == null || token != known[0]) {
      if (token == null || token.isBlank()) {
        throw new SpiceCloudException("The bearer token supplier returned no token");
      }
      if (token.indexOf('\r') >= 0 || token.indexOf('\n') >= 0) {
        throw new SpiceCloudException("The bearer token contains a line break");
      }
      known = new String[] {token, "Bearer " + token.trim()};
      last = known;
    }
    call.token = known[0].trim();
    request.header("Authorization", known[1]);
  }
}
