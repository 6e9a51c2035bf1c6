package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.spice.cloud.client.errors.SpiceCloudException;
import ai.spice.cloud.client.model.ApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import org.junit.jupiter.api.Test;

class SharingAndResourcesTest extends ServerTest {

  /** Answers each app with keys derived from its id, so mixed-up responses show. */
  private static final class EchoAppId extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String id = request.getTarget().split("/")[3];
      return json(200, "{\"api_key\":\"k-" + id + "\",\"api_key_2\":\"t-" + request.getHeaders().get("Authorization")
          .substring(7) + "\"}");
    }
  }

  @Test
  void manyThreadsShareOneClientWithoutMixingUpResponses() throws Exception {
    server.setDispatcher(new EchoAppId());
    int[] counter = {0};
    SpiceCloudClient client = clientBuilder().tokenSupplier(() -> "tok-" + Thread.currentThread().getName()).build();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        long appId = i;
        results.add(pool.submit(() -> {
          ApiKeys keys = client.apiKeys().getApiKeys(appId);
          return keys.getApiKey().equals("k-" + appId)
              && keys.getApiKey2().equals("t-tok-" + Thread.currentThread().getName());
        }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get(30, TimeUnit.SECONDS)).isTrue();
        counter[0]++;
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(counter[0]).isEqualTo(400);
    assertThat(server.getRequestCount()).isEqualTo(400);
  }

  @Test
  void everyResponseIsClosedOnSuccessAndErrorPaths() {
    SpiceCloudClient client = clientBuilder().maxRetries(0).build();
    server.enqueue(json(200, "{\"api_key\":\"a\",\"api_key_2\":null}"));
    server.enqueue(json(404, "{\"error\":\"no app\"}"));
    server.enqueue(json(500, "{\"error\":\"down\"}"));
    server.enqueue(json(200, "<html>not json</html>"));
    server.enqueue(json(200, "{\"api_key\":\"a\",\"api_key_2\":null, \"x-spice-test-extra\":\"" + "x".repeat(50_000) + "\"}"));
    server.enqueue(json(401, "{}"));

    client.apiKeys().getApiKeys(1L);
    for (int i = 0; i < 2; i++) {
      assertThat(catchThrowable(() -> client.apiKeys().getApiKeys(1L))).isInstanceOf(SpiceCloudException.class);
    }
    assertThat(catchThrowable(() -> client.apiKeys().getApiKeysWithHttpInfo(1L))).isInstanceOf(SpiceCloudException.class);
    client.apiKeys().getApiKeys(1L);
    assertThat(catchThrowable(() -> client.apiKeys().regenerateApiKey(1L, null))).isInstanceOf(SpiceCloudException.class);

    // A response left open keeps its connection busy; every connection must be back in the pool, idle.
    ConnectionPool connections = client.httpClient().connectionPool();
    assertThat(connections.connectionCount()).isPositive();
    assertThat(connections.idleConnectionCount()).isEqualTo(connections.connectionCount());
    assertThat(server.getRequestCount()).isEqualTo(6);
  }
}
