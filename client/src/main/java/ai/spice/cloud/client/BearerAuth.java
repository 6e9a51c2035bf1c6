package ai.spice.cloud.client;

import ai.spice.cloud.client.auth.TokenProvider;
import ai.spice.cloud.client.errors.SpiceCloudException;
import okhttp3.Request;

/**
 * Puts the provider's current token (a refreshed one, too) on each attempt, notes it in the call, and tells the
 * provider when the API refused it (401), so the next call gets a fresh one.
 */
final class BearerAuth {

  private final TokenProvider tokens;

  BearerAuth(TokenProvider tokens) {
    this.tokens = tokens;
  }

  /** The API answered 401 to the call's current attempt. */
  void rejected(CallContext call) {
    if (call.token != null) {
      tokens.rejected(call.token);
    }
  }

  void authenticate(Request.Builder request, CallContext call) {
    String token;
    try {
      token = tokens.token();
    } catch (SpiceCloudException e) {
      throw e; // typed and secret-free already (e.g. a failed client-credentials exchange)
    } catch (RuntimeException e) {
      throw new SpiceCloudException("The bearer token supplier failed: " + e.getClass().getName(), e);
    }
    if (token == null || token.isBlank()) {
      throw new SpiceCloudException("The bearer token supplier returned no token");
    }
    if (token.indexOf('\r') >= 0 || token.indexOf('\n') >= 0) {
      throw new SpiceCloudException("The bearer token contains a line break");
    }
    call.token = token.trim();
    request.header("Authorization", "Bearer " + call.token);
  }
}
