package ai.spice.cloud.bench.contenders;

/**
 * One way of calling the benchmarked operations, one per operation kind: GET with a path parameter, GET
 * without, POST with a body, POST without. Calls return the contender's own parsed response (handed to JMH's
 * blackhole); {@link #observe} maps it to a common shape outside the measured path.
 */
public interface Contender {
  /** GET /v1/apps/{appId}/api-keys. */
  Object getApiKeys();

  /** GET /v1/regions. */
  Object listRegions();

  /** POST /v1/apps/{appId}/api-keys with the body {"key_number":1}, the same for every contender. */
  Object regenerateApiKey();

  /**
   * POST /v1/apps/{appId}/api-keys without a body: the server's default applies.
   *
   * @throws UnsupportedOperationException if the contender cannot send it (the default generated client)
   */
  Object regenerateApiKeyWithoutBody();

  Observed observe(Object response);
}
