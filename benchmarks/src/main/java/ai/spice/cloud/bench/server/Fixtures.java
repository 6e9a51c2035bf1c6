package ai.spice.cloud.bench.server;

import java.nio.charset.StandardCharsets;

/** The fixed exchanges every contender performs: same app, same token, same JSON answers. */
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
  public static final String FIRST_REGION = "us-east-2";
  public static final String DEFAULT_REGION = "us-west-2";
  /** The published page's shape: a few regions, string enums, a default. */
  public static final String REGIONS_JSON = "{\"regions\":["
      + region("US East (Ohio)", FIRST_REGION, true) + "," + region("US West (Oregon)", DEFAULT_REGION, false) + ","
      + region("EU (Frankfurt)", "eu-central-1", false) + "],\"default\":\"" + DEFAULT_REGION + "\"}";

  /** A secrets list just under the client's 1 MiB size cap: what the FULL-logging benchmark logs. */
  public static final byte[] LARGE_SECRETS_JSON = largeSecrets(1 << 20);

  private Fixtures() {}

  private static String region(String name, String id, boolean isDefault) {
    return "{\"name\":\"" + name + "\",\"region\":\"" + id + "\",\"provider\":\"aws\",\"providerName\":\"AWS\","
        + "\"isDefault\":" + isDefault + ",\"disabled\":false}";
  }

  /** Secret entries with key-shaped values, member names the redactor must look at, and long prose. */
  static byte[] largeSecrets(int maxBytes) {
    StringBuilder json = new StringBuilder("{\"secrets\":[");
    String close = "]}";
    for (int i = 0; ; i++) {
      String entry = (i == 0 ? "" : ",") + "{\"id\":" + i + ",\"name\":\"DB_PASSWORD_" + i + "\",\"value\":\"sk-"
          + Integer.toHexString(i).toUpperCase() + "Qx7Lm2Pz9Rt4Vw8Yb3Nc6Hd1Jf5Gk0\","
          + "\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-02T03:04:05+02:00\"}";
      if (json.length() + entry.length() + close.length() > maxBytes) {
        return json.append(close).toString().getBytes(StandardCharsets.UTF_8);
      }
      json.append(entry);
    }
  }
}
