package ai.spice.cloud.bench.server;

/** The fixed exchange every contender performs: same app, same token, same JSON answers. */
public final class Fixtures {
  public static final long APP_ID = 42L;
  /** A made-up token: the fixture server only checks that one is sent. */
  public static final String TOKEN = "bench-token-not-a-secret";
  public static final String PRIMARY_KEY = "3f0e1c2d-example-primary";
  public static final String SECONDARY_KEY = "9a8b7c6d-example-secondary";

  public static final String API_KEYS_JSON =
      "{\"api_key\":\"" + PRIMARY_KEY + "\",\"api_key_2\":\"" + SECONDARY_KEY + "\"}";
  public static final String API_KEYS_REGENERATED_JSON =
      "{\"api_key\":\"" + PRIMARY_KEY + "\",\"api_key_2\":\"" + SECONDARY_KEY + "\",\"regenerated_key\":1}";

  private Fixtures() {}
}
