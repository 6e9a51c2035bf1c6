package ai.spice.cloud.client.auth;

import okhttp3.HttpUrl;

/** The token endpoint for an API base URL, and the rule that credentials only travel over https. */
final class TokenUrls {
  static final String PATH = "/api/oauth/token";

  private TokenUrls() {}

  /**
   * Spice Cloud serves tokens from the site host, not the API host: the tools that call this control plane
   * drop the leading {@code api} label ({@code api.spice.ai -> spice.ai}, {@code dev-api.spice.ai ->
   * dev.spice.ai}). Any other host (a proxy, a loopback test server) serves both.
   */
  static HttpUrl forBaseUrl(String apiBaseUrl) {
    HttpUrl base = HttpUrl.parse(apiBaseUrl);
    if (base == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + apiBaseUrl);
    }
    String host = base.host();
    String[] labels = host.split("\\.");
    if (labels.length >= 3 && !Character.isDigit(host.charAt(host.length() - 1))) {
      if (labels[0].equals("api")) {
        host = host.substring(4);
      } else if (labels[0].endsWith("-api")) {
        host = labels[0].substring(0, labels[0].length() - 4) + host.substring(labels[0].length());
      }
    }
    return check(new HttpUrl.Builder().scheme(base.scheme()).host(host).port(base.port())
        .encodedPath(PATH).build().toString());
  }

  /** Parses {@code url}; plain {@code http} only to a loopback address, where nothing leaves the machine. */
  static HttpUrl check(String url) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("the token URL is not an http(s) URL: " + url);
    }
    if (!parsed.isHttps() && !Hosts.isLoopback(parsed.host())) {
      throw new IllegalArgumentException("Refusing to send the client secret in clear text over http:// to "
          + parsed.host() + "; the token URL must use https");
    }
    return parsed;
  }
}
