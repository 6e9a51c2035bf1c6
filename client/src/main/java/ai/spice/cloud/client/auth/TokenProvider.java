package ai.spice.cloud.client.auth;

/**
 * Where the client gets the bearer token for each request. Implementations must be thread-safe: one provider
 * serves every call of a shared client.
 */
public interface TokenProvider {

  /**
   * @return the bearer token to send on a request starting now; may block while a fresh one is fetched
   * @throws ai.spice.cloud.client.errors.SpiceCloudException if no token can be had (typed, secret-free)
   */
  String token();

  /**
   * The API answered 401 to a request that carried {@code token}. A caching provider forgets it, so the next
   * request gets a fresh one; the client never re-sends the refused request on its own unless its retry policy
   * allows re-sending that method (never for POST or PATCH).
   *
   * @param token the token the refused request carried
   */
  default void rejected(String token) {}
}
