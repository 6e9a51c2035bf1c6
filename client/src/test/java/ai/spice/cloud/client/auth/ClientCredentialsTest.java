package ai.spice.cloud.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.TokenExchangeException;
import ai.spice.cloud.client.testing.CapturedLogs;
import ai.spice.cloud.client.testing.MutableClock;
import ai.spice.cloud.client.testing.RecordingSleeper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client-credentials exchange against a token endpoint on loopback. */
class ClientCredentialsTest {
  private static final String CLIENT_ID = "machine-user-42";
  private static final String SECRET = "cs-7f3e9b1d5a2c8e4f6b0d";
  private static final String TOKEN_1 = "at-1a2b3c4d5e6f7a8b9c0d";
  private static final String TOKEN_2 = "at-9f8e7d6c5b4a3f2e1d0c";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MockWebServer server;
  private final MutableClock clock = new MutableClock();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    CapturedLogs.clear();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientCredentials.Builder builder() {
    return ClientCredentials.builder(CLIENT_ID, SECRET).tokenUrl(server.url("/api/oauth/token").toString())
        .clock(clock).sleeper(sleeper).timeout(Duration.ofSeconds(5));
  }

  private static MockResponse token(String token, long expiresIn) {
    return json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private void assertNoSecretIn(String text) {
    assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN_1).doesNotContain(TOKEN_2);
  }

  @Test
  void oneExchangeServesManyCallsAndSendsTheDocumentedRequest() throws Exception {
    server.enqueue(token(TOKEN_1, 3600));
    ClientCredentials credentials = builder().build();

    for (int i = 0; i < 10; i++) {
      assertThat(credentials.token()).isEqualTo(TOKEN_1);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/oauth/token");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(r.getBody().utf8());
    assertThat(body.path("client_id").asText()).isEqualTo(CLIENT_ID);
    assertThat(body.path("client_secret").asText()).isEqualTo(SECRET);
    assertThat(body.path("grant_type").asText()).isEqualTo("client_credentials");
  }

  @Test
  void refreshesSixtySecondsBeforeExpiry() {
    server.enqueue(token(TOKEN_1, 3600));
    server.enqueue(token(TOKEN_2, 3600));
    ClientCredentials credentials = builder().build();
    assertThat(credentials.token()).isEqualTo(TOKEN_1);

    clock.advance(Duration.ofSeconds(3539));
    assertThat(credentials.token()).isEqualTo(TOKEN_1);
    assertThat(server.getRequestCount()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    assertThat(credentials.token()).isEqualTo(TOKEN_2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aShortLivedTokenIsRefreshedAtHalfItsLifetime() {
    server.enqueue(token(TOKEN_1, 20));
    server.enqueue(token(TOKEN_2, 20));
    ClientCredentials credentials = builder().build();
    assertThat(credentials.token()).isEqualTo(TOKEN_1);

    clock.advance(Duration.ofSeconds(9));
    assertThat(credentials.token()).isEqualTo(TOKEN_1);
    clock.advance(Duration.ofSeconds(2));
    assertThat(credentials.token()).isEqualTo(TOKEN_2);
  }

  @Test
  void anExpiredTokenIsReplacedMidRun() {
    server.enqueue(token(TOKEN_1, 3600));
    server.enqueue(token(TOKEN_2, 3600));
    ClientCredentials credentials = builder().build();
    assertThat(credentials.token()).isEqualTo(TOKEN_1);

    clock.advance(Duration.ofHours(2));

    assertThat(credentials.token()).isEqualTo(TOKEN_2);
  }

  @Test
  void fiftyConcurrentFirstCallsMakeOneExchange() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .headersDelay(300, TimeUnit.MILLISECONDS)
        .body("{\"access_token\":\"" + TOKEN_1 + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").build());
    ClientCredentials credentials = builder().build();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return credentials.token();
        }));
      }
      go.countDown();
      Set<String> tokens = ConcurrentHashMap.newKeySet();
      for (Future<String> f : results) {
        tokens.add(f.get(10, TimeUnit.SECONDS));
      }
      assertThat(tokens).containsExactly(TOKEN_1);
      assertThat(server.getRequestCount()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusedCredentialsAreATypedErrorAndNeverRetried() {
    for (int status : new int[] {400, 401}) {
      server.enqueue(json(status, "{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + SECRET + "\"}"));
      int before = server.getRequestCount();

      TokenExchangeException e = catchThrowableOfType(TokenExchangeException.class, () -> builder().build().token());

      assertThat(e.credentialsRejected()).isTrue();
      assertThat(e.statusCode()).hasValue(status);
      assertThat(e.errorCode()).hasValue("invalid_client");
      assertThat(server.getRequestCount() - before).isEqualTo(1);
      assertNoSecretIn(e.getMessage());
    }
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void aFailingEndpointIsRetriedWithBackoffThenATypedError() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, "{}"));
    }

    TokenExchangeException e = catchThrowableOfType(TokenExchangeException.class, () -> builder().build().token());

    assertThat(e.credentialsRejected()).isFalse();
    assertThat(e.statusCode()).hasValue(503);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.sleeps()).hasSize(2);
    assertThat(sleeper.sleeps().get(1)).isGreaterThanOrEqualTo(sleeper.sleeps().get(0).dividedBy(2));
  }

  @Test
  void aTransientFailureThenSuccessGivesTheToken() {
    server.enqueue(json(500, "{}"));
    server.enqueue(token(TOKEN_1, 3600));

    assertThat(builder().build().token()).isEqualTo(TOKEN_1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRefusedConnectionIsRetriedThenATypedError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ClientCredentials credentials = builder().tokenUrl("http://127.0.0.1:" + port + "/api/oauth/token").build();

    TokenExchangeException e = catchThrowableOfType(TokenExchangeException.class, credentials::token);

    assertThat(e.getMessage()).contains("unreachable");
    assertThat(e.statusCode()).isEmpty();
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void aTimeoutIsRetriedThenATypedError() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).body("{}").build());
    }
    ClientCredentials credentials = builder().timeout(Duration.ofMillis(300)).maxAttempts(2).build();

    TokenExchangeException e = catchThrowableOfType(TokenExchangeException.class, credentials::token);

    assertThat(e.getMessage()).contains("timed out");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aTokenTypeOtherThanBearerIsAnError() {
    server.enqueue(json(200, "{\"access_token\":\"" + TOKEN_1 + "\",\"token_type\":\"mac\",\"expires_in\":3600}"));

    TokenExchangeException e = catchThrowableOfType(TokenExchangeException.class, () -> builder().build().token());

    assertThat(e.getMessage()).contains("token_type is \"mac\"", "only Bearer");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertNoSecretIn(e.getMessage());
  }

  @Test
  void anAnswerWithoutAnAccessTokenOrNotJsonIsAnError() {
    server.enqueue(json(200, "{\"token_type\":\"Bearer\"}"));
    server.enqueue(new MockResponse.Builder().code(200).body("<html>login</html>").build());

    assertThatThrownBy(() -> builder().build().token()).isInstanceOf(TokenExchangeException.class)
        .hasMessageContaining("no access_token");
    assertThatThrownBy(() -> builder().build().token()).isInstanceOf(TokenExchangeException.class)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void aRejectedTokenIsDroppedSoTheNextCallGetsAFreshOne() {
    server.enqueue(token(TOKEN_1, 3600));
    server.enqueue(token(TOKEN_2, 3600));
    ClientCredentials credentials = builder().build();
    assertThat(credentials.token()).isEqualTo(TOKEN_1);

    credentials.rejected("some-older-token");
    assertThat(credentials.token()).isEqualTo(TOKEN_1);
    credentials.rejected(TOKEN_1);

    assertThat(credentials.token()).isEqualTo(TOKEN_2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void whileARefreshFailsTheStillValidTokenIsUsed() {
    server.enqueue(token(TOKEN_1, 3600));
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(502, "{}"));
    }
    server.enqueue(token(TOKEN_2, 3600));
    ClientCredentials credentials = builder().build();
    assertThat(credentials.token()).isEqualTo(TOKEN_1);
    clock.advance(Duration.ofSeconds(3550)); // due for refresh, not expired

    assertThat(credentials.token()).isEqualTo(TOKEN_1);
    assertThat(credentials.token()).as("no new attempt right away").isEqualTo(TOKEN_1);
    assertThat(server.getRequestCount()).isEqualTo(4);

    clock.advance(Duration.ofSeconds(6));
    assertThat(credentials.token()).isEqualTo(TOKEN_2);
  }

  @Test
  void noSecretOrTokenInLogsMessagesOrToString() {
    server.enqueue(token(TOKEN_1, 3600));
    server.enqueue(json(401, "{\"error\":\"invalid_client\"}"));
    ClientCredentials credentials = builder().build();
    credentials.token();
    credentials.rejected(TOKEN_1);
    TokenExchangeException e = catchThrowableOfType(TokenExchangeException.class, credentials::token);

    assertNoSecretIn(CapturedLogs.text());
    assertThat(CapturedLogs.text()).contains("Token exchange POST");
    assertNoSecretIn(e.getMessage());
    assertNoSecretIn(credentials.toString());
    assertThat(credentials.toString()).contains(CLIENT_ID);
  }

  @Test
  void theSecretIsNeverSentOverPlainHttpToAnotherHost() {
    assertThatThrownBy(() -> builder().tokenUrl("http://auth.example.com/api/oauth/token"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must use https");
  }
}
