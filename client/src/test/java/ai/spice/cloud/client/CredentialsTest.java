package ai.spice.cloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.TokenExchangeException;
import ai.spice.cloud.client.errors.UnauthorizedException;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.testing.CapturedLogs;
import ai.spice.cloud.client.testing.MutableClock;
import ai.spice.cloud.client.testing.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth client credentials through the whole client: one loopback server is both the token endpoint (the
 * derived one: same host, /api/oauth/token) and the API, which accepts only the tokens it issued.
 */
class CredentialsTest {
  private static final String CLIENT_ID = "machine-user-7";
  private static final String SECRET = "cs-4b8f1e2d9c7a6b5e3d2f";

  private MockWebServer server;
  private final MutableClock clock = new MutableClock();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  /** What the token endpoint answers next; when empty, a fresh token valid for an hour. */
  private final Queue<MockResponse> tokenAnswers = new ConcurrentLinkedQueue<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final Queue<String> apiAuthorizations = new ConcurrentLinkedQueue<>();
  private final Queue<String> orgHeaders = new ConcurrentLinkedQueue<>();
  private final Map<String, Boolean> revoked = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile long tokenDelayMillis;

  @BeforeEach
  void start() throws Exception {
    CapturedLogs.clear();
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/api/oauth/token")) {
          tokenRequests.incrementAndGet();
          MockResponse scripted = tokenAnswers.poll();
          if (scripted != null) {
            return scripted;
          }
          String token = "at-issued-" + issued.incrementAndGet() + "-7d3f9a1c";
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .headersDelay(tokenDelayMillis, TimeUnit.MILLISECONDS)
              .body("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").build();
        }
        String auth = request.getHeaders().get("Authorization");
        apiAuthorizations.add(auth == null ? "(none)" : auth);
        String org = request.getHeaders().get("X-Org-Name");
        orgHeaders.add(org == null ? "(none)" : org);
        if (path.equals("/v1/health")) {
          return json(200, "{\"status\":\"healthy\"}");
        }
        if (auth == null || !auth.startsWith("Bearer at-issued-") || revoked.containsKey(auth.substring(7))) {
          return json(401, "{\"error\":\"Unauthorized\"}");
        }
        return request.getMethod().equals("POST")
            ? json(200, "{\"api_key\":\"k1\",\"api_key_2\":\"k2\",\"regenerated_key\":1}")
            : json(200, "{\"api_key\":\"k1\",\"api_key_2\":\"k2\"}");
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private String baseUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  private SpiceCloudClient.Builder builder() {
    return SpiceCloudClient.builder().baseUrl(baseUrl()).clientCredentials(CLIENT_ID, SECRET).clock(clock)
        .sleeper(sleeper).connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5));
  }

  @Test
  void oneExchangeServesManyCalls() {
    SpiceCloudClient client = builder().build();

    for (int i = 0; i < 10; i++) {
      client.apiKeys().getApiKeys(42L);
    }

    assertThat(tokenRequests).hasValue(1);
    assertThat(apiAuthorizations).hasSize(10).containsOnly("Bearer at-issued-1-7d3f9a1c");
  }

  @Test
  void theTokenIsRefreshedBeforeItExpires() {
    SpiceCloudClient client = builder().build();
    client.apiKeys().getApiKeys(42L);

    clock.advance(Duration.ofSeconds(3539));
    client.apiKeys().getApiKeys(42L);
    clock.advance(Duration.ofSeconds(2)); // now within 60 s of expiry
    client.apiKeys().getApiKeys(42L);

    assertThat(tokenRequests).hasValue(2);
    assertThat(new ArrayList<>(apiAuthorizations)).containsExactly("Bearer at-issued-1-7d3f9a1c",
        "Bearer at-issued-1-7d3f9a1c", "Bearer at-issued-2-7d3f9a1c");
  }

  @Test
  void fiftyConcurrentFirstCallsMakeOneExchange() throws Exception {
    tokenDelayMillis = 300;
    SpiceCloudClient client = builder().build();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        calls.add(pool.submit(() -> {
          go.await();
          return client.apps().listApps();
        }));
      }
      go.countDown();
      for (Future<?> f : calls) {
        f.get(20, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(tokenRequests).hasValue(1);
    assertThat(apiAuthorizations).hasSize(50).containsOnly("Bearer at-issued-1-7d3f9a1c");
  }

  @Test
  void refusedCredentialsAreATypedErrorWithOneExchangeAndNoApiCall() {
    tokenAnswers.add(json(401, "{\"error\":\"invalid_client\"}"));

    TokenExchangeException e = catchThrowableOfType(TokenExchangeException.class,
        () -> builder().build().apiKeys().getApiKeys(42L));

    assertThat(e.credentialsRejected()).isTrue();
    assertThat(e.errorCode()).hasValue("invalid_client");
    assertThat(tokenRequests).hasValue(1);
    assertThat(apiAuthorizations).isEmpty();
    assertThat(e.getMessage()).doesNotContain(SECRET);
  }

  @Test
  void aFailingTokenEndpointIsRetriedWithinItsBoundThenATypedError() {
    for (int i = 0; i < 3; i++) {
      tokenAnswers.add(json(503, "{}"));
    }

    TokenExchangeException e = catchThrowableOfType(TokenExchangeException.class,
        () -> builder().build().apiKeys().regenerateApiKey(42L, null));

    assertThat(e.credentialsRejected()).isFalse();
    assertThat(tokenRequests).hasValue(3);
    assertThat(sleeper.sleeps()).hasSize(2);
    assertThat(apiAuthorizations).as("the regeneration was never sent").isEmpty();
  }

  @Test
  void aTokenTheApiRefusesIsDroppedAndTheNextCallGetsAFreshOne() {
    SpiceCloudClient client = builder().build();
    client.apiKeys().getApiKeys(42L);
    revoked.put("at-issued-1-7d3f9a1c", true); // e.g. revoked before its expiry

    assertThatThrownBy(() -> client.apiKeys().getApiKeys(42L)).isInstanceOf(UnauthorizedException.class);
    client.apiKeys().getApiKeys(42L);

    assertThat(tokenRequests).hasValue(2);
    assertThat(new ArrayList<>(apiAuthorizations)).endsWith("Bearer at-issued-2-7d3f9a1c");
  }

  @Test
  void aRegenerationRefusedWith401IsNotSentAgain() {
    SpiceCloudClient client = builder().build();
    client.apiKeys().getApiKeys(42L);
    revoked.put("at-issued-1-7d3f9a1c", true);
    apiAuthorizations.clear();

    assertThatThrownBy(() -> client.apiKeys().regenerateApiKey(42L, new RegenerateApiKeyRequest()))
        .isInstanceOf(UnauthorizedException.class);

    assertThat(apiAuthorizations).hasSize(1);
  }

  @Test
  void theOrganizationIsSentOnEveryCall() {
    SpiceCloudClient client = builder().organization("acme-labs.eu_1").build();

    client.apiKeys().getApiKeys(42L);
    client.regions().listRegions();
    client.health().getHealth();

    assertThat(orgHeaders).hasSize(3).containsOnly("acme-labs.eu_1");
    assertThat(client.toString()).contains("organization=acme-labs.eu_1");
  }

  @Test
  void anInvalidOrganizationIsRefusedUpFront() {
    for (String bad : new String[] {"", " ", "acme corp", "acme/../x", "a\r\nX-Evil: 1"}) {
      assertThatThrownBy(() -> builder().organization(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("Evil");
    }
  }

  @Test
  void fullLoggingNeverShowsTheSecretOrTheTokens() {
    tokenAnswers.add(json(500, "{\"error\":\"server_error\",\"echo\":\"" + SECRET + "\"}"));
    SpiceCloudClient client = builder().logLevel(LogLevel.FULL).build();
    client.apiKeys().getApiKeys(42L);
    clock.advance(Duration.ofHours(2));
    client.apps().listApps();

    String logs = CapturedLogs.text();
    assertThat(logs).contains("Token exchange POST", "GET " + baseUrl() + "/v1/apps");
    assertThat(logs).doesNotContain(SECRET).doesNotContain("at-issued-1-7d3f9a1c")
        .doesNotContain("at-issued-2-7d3f9a1c");
    assertThat(client.toString()).doesNotContain(SECRET);
    assertThat(client.toBuilder().toString()).doesNotContain(SECRET);
  }

  @Test
  void fromEnvReadsClientCredentialsAndTheOrganization() {
    Map<String, String> env = new HashMap<>();
    env.put("SPICE_CLOUD_CLIENT_ID", CLIENT_ID);
    env.put("SPICE_CLOUD_CLIENT_SECRET", SECRET);
    env.put("SPICE_CLOUD_BASE_URL", baseUrl());
    Map<String, String> properties = Map.of("spice.cloud.org", "acme");

    SpiceCloudClient.fromEnv(env::get, properties::get).apiKeys().getApiKeys(42L);

    assertThat(tokenRequests).hasValue(1);
    assertThat(orgHeaders).containsExactly("acme");
  }

  @Test
  void aPersonalAccessTokenFromTheEnvironmentIsABearerToken() {
    Map<String, String> env = Map.of("SPICE_CLOUD_PAT", "at-issued-9-7d3f9a1c", "SPICE_CLOUD_BASE_URL", baseUrl());

    SpiceCloudClient.fromEnv(env::get, name -> null).apiKeys().getApiKeys(42L);

    assertThat(tokenRequests).hasValue(0);
    assertThat(apiAuthorizations).containsExactly("Bearer at-issued-9-7d3f9a1c");
  }

  @Test
  void theTokenUrlIsDerivedFromTheBaseUrlAndMustBeHttps() {
    assertThatThrownBy(() -> SpiceCloudClient.builder().clientCredentials(CLIENT_ID, SECRET)
        .tokenUrl("http://auth.example.com/api/oauth/token").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must use https")
        .hasMessageNotContaining(SECRET);
    SpiceCloudClient.builder().clientCredentials(CLIENT_ID, SECRET).build(); // https://spice.ai/api/oauth/token
  }
}
