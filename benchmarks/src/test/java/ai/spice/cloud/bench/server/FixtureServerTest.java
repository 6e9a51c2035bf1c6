package ai.spice.cloud.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FixtureServerTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static FixtureServer server;

  @BeforeAll
  static void start() throws Exception {
    server = FixtureServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"key_number\":2}")
            : HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listensOnLoopbackOnly() {
    assertEquals("http://127.0.0.1:" + server.port(), server.baseUrl());
  }

  @Test
  void answersGetWithTheFixedKeys() throws Exception {
    HttpResponse<String> response = send("GET", "/v1/apps/42/api-keys", Fixtures.TOKEN);

    assertEquals(200, response.statusCode());
    assertEquals(Fixtures.API_KEYS_JSON, response.body());
  }

  @Test
  void answersPostWithTheRegeneratedKeysAndKeepsTheBody() throws Exception {
    HttpResponse<String> response = send("POST", "/v1/apps/7/api-keys", Fixtures.TOKEN);

    assertEquals(200, response.statusCode());
    assertEquals(Fixtures.API_KEYS_REGENERATED_JSON, response.body());
    assertEquals("{\"key_number\":2}", server.lastPostBody());
  }

  @Test
  void answersTheRegionsAndTheLargeSecretsList() throws Exception {
    assertEquals(Fixtures.REGIONS_JSON, send("GET", "/v1/regions", Fixtures.TOKEN).body());
    HttpResponse<String> secrets = send("GET", "/v1/apps/42/secrets", Fixtures.TOKEN);
    assertEquals(200, secrets.statusCode());
    assertEquals(new String(Fixtures.LARGE_SECRETS_JSON, java.nio.charset.StandardCharsets.UTF_8), secrets.body());
    org.junit.jupiter.api.Assertions.assertTrue(Fixtures.LARGE_SECRETS_JSON.length > (1 << 20) - 200
        && Fixtures.LARGE_SECRETS_JSON.length <= 1 << 20, "just under the client's 1 MiB cap");
  }

  @Test
  void refusesAMissingToken() throws Exception {
    assertEquals(401, send("GET", "/v1/apps/42/api-keys", null).statusCode());
  }

  @Test
  void refusesOtherPathsAndMethods() throws Exception {
    assertEquals(404, send("GET", "/v1/apps/x/api-keys", Fixtures.TOKEN).statusCode());
    assertEquals(405, send("DELETE", "/v1/apps/42/api-keys", Fixtures.TOKEN).statusCode());
  }

  @Test
  void countsEachAnswerBeforeTheClientCanSeeIt() throws Exception {
    // The race is narrow (count after write would lose it only when the server thread is descheduled right
    // after the write), so many round trips on one connection give it the chance to show.
    for (int i = 0; i < 300; i++) {
      long served = server.served();
      long rejected = server.rejected();
      boolean good = i % 2 == 0;

      int status = send("GET", "/v1/apps/42/api-keys", good ? Fixtures.TOKEN : "not-the-token").statusCode();

      assertEquals(good ? 200 : 401, status);
      assertEquals(served + (good ? 1 : 0), server.served(), "served after request " + i);
      assertEquals(rejected + (good ? 0 : 1), server.rejected(), "rejected after request " + i);
    }
  }
}
