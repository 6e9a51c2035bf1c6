package ai.spice.cloud.bench.contenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.bench.server.FixtureServer;
import ai.spice.cloud.bench.server.Fixtures;
import ai.spice.cloud.client.SpiceCloudClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every contender performs the same successful exchange, so the benchmarks compare like with like. */
class ContendersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static FixtureServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = FixtureServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void theFloorOnOurSettingsUsesTheClientsDefaultTransportSettings() throws Exception {
    SpiceCloudClient client = SpiceCloudClient.builder().baseUrl(server.baseUrl()).bearerToken(Fixtures.TOKEN).build();
    OkHttpClient ours = ourOkHttpClient(client);
    OkHttpClient floor = FloorContender.withOurOkHttpSettings(new OkHttpClient(), server.baseUrl(), Fixtures.TOKEN).http();

    // The client's network interceptor is left out on purpose: on a 200 it only reads the status.
    assertEquals(settings(ours), settings(floor));
  }

  /** The client keeps its OkHttp instance package-private; only this check needs to read it. */
  private static OkHttpClient ourOkHttpClient(SpiceCloudClient client) throws ReflectiveOperationException {
    Method httpClient = SpiceCloudClient.class.getDeclaredMethod("httpClient");
    httpClient.setAccessible(true);
    return (OkHttpClient) httpClient.invoke(client);
  }

  private static List<Object> settings(OkHttpClient http) {
    return List.of(http.connectTimeoutMillis(), http.readTimeoutMillis(), http.writeTimeoutMillis(),
        http.callTimeoutMillis(), http.retryOnConnectionFailure(), http.followRedirects(),
        http.followSslRedirects());
  }

  @ParameterizedTest
  @FieldSource("ai.spice.cloud.bench.contenders.Contenders#ALL")
  void getApiKeysParsesBothKeys(String name) {
    Contender contender = Contenders.create(name, server.baseUrl(), Fixtures.TOKEN);
    long servedBefore = server.served();

    Observed observed = contender.observe(contender.getApiKeys());

    assertEquals(new Observed(Fixtures.PRIMARY_KEY, Fixtures.SECONDARY_KEY, null), observed);
    assertEquals(servedBefore + 1, server.served());
  }

  @ParameterizedTest
  @FieldSource("ai.spice.cloud.bench.contenders.Contenders#ALL")
  void listRegionsParsesTheRegions(String name) {
    Contender contender = Contenders.create(name, server.baseUrl(), Fixtures.TOKEN);

    assertEquals(new Observed(Fixtures.FIRST_REGION, Fixtures.DEFAULT_REGION, null),
        contender.observe(contender.listRegions()));
  }

  @ParameterizedTest
  @FieldSource("ai.spice.cloud.bench.contenders.Contenders#ALL")
  void regenerateApiKeyWithoutBodySendsNoBody(String name) {
    Contender contender = Contenders.create(name, server.baseUrl(), Fixtures.TOKEN);
    contender.regenerateApiKey(); // so an empty body below is this call's
    if (name.equals(Contenders.DEFAULT_GENERATED)) {
      assertThrows(UnsupportedOperationException.class, contender::regenerateApiKeyWithoutBody);
      return;
    }

    Observed observed = contender.observe(contender.regenerateApiKeyWithoutBody());

    assertEquals(new Observed(Fixtures.PRIMARY_KEY, Fixtures.SECONDARY_KEY, 1), observed);
    assertEquals("", server.lastPostBody());
  }

  @ParameterizedTest
  @FieldSource("ai.spice.cloud.bench.contenders.Contenders#ALL")
  void regenerateApiKeySendsPrimaryAndParsesTheAnswer(String name) throws Exception {
    Contender contender = Contenders.create(name, server.baseUrl(), Fixtures.TOKEN);

    Observed observed = contender.observe(contender.regenerateApiKey());

    assertEquals(new Observed(Fixtures.PRIMARY_KEY, Fixtures.SECONDARY_KEY, 1), observed);
    ObjectNode sent = (ObjectNode) JSON.readTree(server.lastPostBody());
    assertEquals(1, sent.get("key_number").asInt(), "body was " + server.lastPostBody());
    // The stock generator also sends every optional member upstream adds (null, an empty list or map, or the
    // member's default), which no option turns off; the others send exactly what they were given.
    if (!name.equals(Contenders.DEFAULT_GENERATED)) {
      assertEquals(1, sent.size(), "body was " + server.lastPostBody());
    }
  }

  @ParameterizedTest
  @FieldSource("ai.spice.cloud.bench.contenders.Contenders#ALL")
  void aWrongTokenIsNotCountedAsSuccess(String name) {
    Contender contender = Contenders.create(name, server.baseUrl(), "not-the-token");
    long rejectedBefore = server.rejected();

    assertThrows(RuntimeException.class, contender::getApiKeys);
    assertEquals(rejectedBefore + 1, server.rejected());
  }

  @ParameterizedTest
  @FieldSource("ai.spice.cloud.bench.contenders.Contenders#ALL")
  void sequentialCallsReuseOneConnection(String name) {
    Contender contender = Contenders.create(name, server.baseUrl(), Fixtures.TOKEN);
    long connectionsBefore = server.connections();

    for (int i = 0; i < 5; i++) {
      contender.getApiKeys();
      contender.listRegions();
      contender.regenerateApiKey();
      if (!name.equals(Contenders.DEFAULT_GENERATED)) {
        contender.regenerateApiKeyWithoutBody();
      }
    }

    // At most one new connection for 20 calls (none when the generated ApiClient's static OkHttp pool
    // already holds one): no per-call handshake in what is measured.
    long opened = server.connections() - connectionsBefore;
    assertTrue(opened <= 1, name + " opened " + opened + " connections for 20 sequential calls");
  }

  @org.junit.jupiter.api.Test
  void anUnknownContenderIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Contenders.create("curl", server.baseUrl(), Fixtures.TOKEN));
  }
}
