package ai.spice.cloud.client;

import ai.spice.cloud.client.testing.RecordingSleeper;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a real HTTP server on loopback for each test and builds clients against it. */
abstract class ServerTest {

  static final String TOKEN = "tok-3c1f9a7e5b2d4c6a";
  static final String KEY_1 = "key1-8f2b6d0c4e9a1357";
  static final String KEY_2 = "key2-2468ace013579bdf";

  MockWebServer server;
  final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeEach
  void startServer() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  String baseUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  SpiceCloudClient.Builder clientBuilder() {
    return SpiceCloudClient.builder()
        .baseUrl(baseUrl())
        .bearerToken(TOKEN)
        .sleeper(sleeper)
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5));
  }

  SpiceCloudClient client() {
    return clientBuilder().build();
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("the server received no request");
    }
    return r;
  }
}
