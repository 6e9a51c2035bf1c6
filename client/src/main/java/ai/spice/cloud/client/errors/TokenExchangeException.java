package ai.spice.cloud.client.errors;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Exchanging the OAuth client credentials for an access token failed: the token endpoint refused the
 * credentials (HTTP 400/401, never retried), was unreachable or failing (refused connection, timeout, 5xx,
 * after bounded retries), or answered something that is not a usable bearer token. The message never contains
 * the client secret or a token.
 */
public class TokenExchangeException extends SpiceCloudException {

  private static final long serialVersionUID = 1L;

  /** The token endpoint's HTTP status, or null when no answer arrived. */
  private final Integer statusCode;
  /** The OAuth {@code error} code, or null. */
  private final String errorCode;
  /** Whether the endpoint refused the credentials themselves. */
  private final boolean credentialsRejected;

  /**
   * @param message what went wrong, free of secrets
   * @param statusCode HTTP status of the token endpoint's answer, or null if there was none
   * @param errorCode the OAuth {@code error} code it sent (e.g. {@code invalid_client}), or null
   * @param credentialsRejected whether the endpoint refused the credentials themselves (retrying cannot help)
   * @param cause the underlying failure, or null
   */
  public TokenExchangeException(String message, Integer statusCode, String errorCode, boolean credentialsRejected,
      Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.credentialsRejected = credentialsRejected;
  }

  /** @return the token endpoint's HTTP status, empty when no answer arrived */
  public OptionalInt statusCode() {
    return statusCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
  }

  /** @return the OAuth error code the endpoint sent ({@code invalid_client}, {@code invalid_grant}, ...) */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** @return true when the endpoint refused the client id or secret: fix the credentials, retrying cannot help */
  public boolean credentialsRejected() {
    return credentialsRejected;
  }
}
