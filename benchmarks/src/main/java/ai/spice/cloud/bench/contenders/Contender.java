package ai.spice.cloud.bench.contenders;

/**
 * One way of calling the two API-key operations. Calls return the contender's own parsed response object
 * (handed to JMH's blackhole); {@link #observe} maps it to a common shape outside the measured path.
 */
public interface Contender {
  Object getApiKeys();

  /** Regenerates the primary key; every contender sends the same body, {"key_number":1}. */
  Object regenerateApiKey();

  Observed observe(Object response);
}
