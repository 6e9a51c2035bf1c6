package ai.spice.cloud.client.testing;

import mockwebserver3.MockResponse;

/** Canned responses of the API. */
public final class Responses {

  private Responses() {}

  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build();
  }

  public static MockResponse keys(String apiKey, String apiKey2) {
    return json(200, "{\"api_key\":" + quote(apiKey) + ",\"api_key_2\":" + quote(apiKey2) + "}");
  }

  public static MockResponse regenerated(String apiKey, String apiKey2, int which) {
    return json(200, "{\"api_key\":" + quote(apiKey) + ",\"api_key_2\":" + quote(apiKey2)
        + ",\"regenerated_key\":" + which + "}");
  }

  public static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("").build();
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
