package ai.spice.cloud.client.internal;

import ai.spice.cloud.client.errors.SpiceCloudException;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.function.Supplier;

/**
 * Adds the bearer token, asking the supplier on every request so refreshed OAuth tokens are used, and
 * the User-Agent. Drops Content-Type when an optional body was left out.
 */
public final class RequestHeaders implements RequestInterceptor {

  private final Supplier<String> tokenSupplier;
  private final String userAgent;

  public RequestHeaders(Supplier<String> tokenSupplier, String userAgent) {
    this.tokenSupplier = tokenSupplier;
    this.userAgent = userAgent;
  }

  @Override
  public void apply(RequestTemplate template) {
    String token;
    try {
      token = tokenSupplier.get();
    } catch (RuntimeException e) {
      throw new SpiceCloudException("The bearer token supplier failed: " + e.getClass().getName(), e);
    }
    if (token == null || token.isBlank()) {
      throw new SpiceCloudException("The bearer token supplier returned no token");
    }
    if (token.indexOf('\r') >= 0 || token.indexOf('\n') >= 0) {
      throw new SpiceCloudException("The bearer token contains a line break");
    }
    // Cleared first: exactly one token per request. Literal values skip Feign's template parsing of
    // each value on every call; the token goes out verbatim either way.
    template.removeHeader("Authorization");
    template.headerLiteral("Authorization", "Bearer " + token.trim());
    template.removeHeader("User-Agent");
    template.headerLiteral("User-Agent", userAgent);
    if (template.body() == null) {
      template.removeHeader("Content-Type");
    }
  }
}
