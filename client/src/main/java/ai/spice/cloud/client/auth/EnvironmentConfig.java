package ai.spice.cloud.client.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code SpiceCloudClient.fromEnv()} reads, in order: a bearer token ({@value #TOKEN}, else {@value #PAT}),
 * else OAuth client credentials ({@value #CLIENT_ID} and {@value #CLIENT_SECRET}); and {@value #BASE_URL},
 * {@value #TOKEN_URL}, {@value #ORG}. Each name may also be given as a Java system property, its lower-case
 * dotted form ({@code SPICE_CLOUD_CLIENT_ID} is {@code spice.cloud.client.id}), which wins over the
 * environment. Errors name the variable and never echo its value.
 */
public final class EnvironmentConfig {
  /** A bearer token (a personal access token or a CLI session token); wins over {@link #PAT}. */
  public static final String TOKEN = "SPICE_CLOUD_TOKEN";
  /** A personal access token, used when {@link #TOKEN} is not set. */
  public static final String PAT = "SPICE_CLOUD_PAT";
  /** The OAuth client id of a machine user; needs {@link #CLIENT_SECRET}. */
  public static final String CLIENT_ID = "SPICE_CLOUD_CLIENT_ID";
  /** The OAuth client secret; needs {@link #CLIENT_ID}. */
  public static final String CLIENT_SECRET = "SPICE_CLOUD_CLIENT_SECRET";
  /** The API base URL (optional; default {@code https://api.spice.ai}). */
  public static final String BASE_URL = "SPICE_CLOUD_BASE_URL";
  /** The OAuth token endpoint (optional; default derived from the base URL). */
  public static final String TOKEN_URL = "SPICE_CLOUD_TOKEN_URL";
  /** The organization, sent as {@code X-Org-Name} (optional). */
  public static final String ORG = "SPICE_CLOUD_ORG";

  /** Resolved settings; exactly one of {@code bearerToken} and {@code clientId}/{@code clientSecret} is set. */
  public record Settings(Optional<String> bearerToken, Optional<String> clientId, Optional<String> clientSecret,
      Optional<String> baseUrl, Optional<String> tokenUrl, Optional<String> organization) {
    @Override
    public String toString() {
      return "Settings{credentials=" + (bearerToken.isPresent() ? "bearer token" : "client credentials (clientId="
          + clientId.orElse("") + ")") + ", baseUrl=" + baseUrl.orElse("default") + ", tokenUrl="
          + tokenUrl.orElse("derived") + ", organization=" + organization.orElse("none") + "}";
    }
  }

  private final Function<String, String> environment;
  private final Function<String, String> properties;

  private EnvironmentConfig(Function<String, String> environment, Function<String, String> properties) {
    this.environment = environment;
    this.properties = properties;
  }

  /**
   * Reads the process environment and the system properties.
   *
   * @return the settings
   * @throws IllegalStateException if no credentials are set, only half of the client credentials are, or a
   *     variable is set but empty
   */
  public static Settings read() {
    return read(System::getenv, System::getProperty);
  }

  /**
   * @param environment looks up environment variables
   * @param properties looks up system properties
   * @return the settings
   * @throws IllegalStateException if no credentials are set, only half of the client credentials are, or a
   *     variable is set but empty
   */
  public static Settings read(Function<String, String> environment, Function<String, String> properties) {
    EnvironmentConfig c = new EnvironmentConfig(environment, properties);
    Optional<String> token = c.get(TOKEN).or(() -> c.get(PAT));
    Optional<String> clientId = c.get(CLIENT_ID);
    Optional<String> clientSecret = c.get(CLIENT_SECRET);
    if (clientId.isPresent() != clientSecret.isPresent()) {
      String missing = clientId.isPresent() ? CLIENT_SECRET : CLIENT_ID;
      String set = clientId.isPresent() ? CLIENT_ID : CLIENT_SECRET;
      throw new IllegalStateException(set + " is set but " + missing + " (or -D" + property(missing)
          + ") is not: client credentials need both");
    }
    if (token.isEmpty() && clientId.isEmpty()) {
      throw new IllegalStateException("No Spice Cloud credentials: set " + TOKEN + " or " + PAT
          + " (a bearer or personal access token), or " + CLIENT_ID + " and " + CLIENT_SECRET
          + " (OAuth client credentials), as environment variables or -D" + property(TOKEN) + " etc.");
    }
    boolean useToken = token.isPresent();
    return new Settings(token, useToken ? Optional.empty() : clientId, useToken ? Optional.empty() : clientSecret,
        c.get(BASE_URL), c.get(TOKEN_URL), c.get(ORG));
  }

  /** {@code SPICE_CLOUD_CLIENT_ID} -> {@code spice.cloud.client.id}. */
  static String property(String variable) {
    return variable.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private Optional<String> get(String variable) {
    String fromProperty = properties.apply(property(variable));
    String value = fromProperty != null ? fromProperty : environment.apply(variable);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBlank()) {
      throw new IllegalStateException((fromProperty != null ? "System property " + property(variable)
          : "Environment variable " + variable) + " is set but empty");
    }
    return Optional.of(value.strip());
  }
}
