package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import ai.spice.cloud.client.errors.UnauthorizedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The caller's own OkHttpClient carries the calls, with the client's safety settings on top of it. */
class CallersOkHttpClientTest extends ServerTest {

  /** A caller's client that would re-send, follow and re-authenticate on its own. */
  private static OkHttpClient.Builder permissive() {
    return new OkHttpClient.Builder()
        .retryOnConnectionFailure(true)
        .followRedirects(true)
        .authenticator((route, response) -> response.request().newBuilder().header("Authorization", "Bearer again").build())
        .readTimeout(Duration.ofMinutes(5));
  }

  @Test
  void theCallersInterceptorsAndEventListenerSeeEveryCall() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient own = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-Caller", "yes").build()))
        .eventListener(new EventListener() {
          @Override
          public void callEnd(Call call) {
            seen.add("end " + call.request().url().encodedPath());
          }
        })
        .build();
    server.enqueue(json(200, "{\"apps\":[]}"));

    clientBuilder().httpClient(own).build().apps().listApps();

    assertThat(take().getHeaders().get("X-Caller")).isEqualTo("yes");
    assertThat(seen).containsExactly("end /v1/apps");
  }

  @Test
  void theCallersProxyCarriesTheCalls() throws Exception {
    try (MockWebServer proxy = new MockWebServer()) {
      proxy.start();
      proxy.enqueue(json(200, "{\"apps\":[]}"));
      OkHttpClient own = new OkHttpClient.Builder()
          .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHostName(), proxy.getPort()))).build();

      clientBuilder().httpClient(own).build().apps().listApps();

      RecordedRequest r = proxy.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r.getTarget()).isEqualTo(baseUrl() + "/v1/apps");
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void aRegenerationIsSentOnceWhateverTheCallersClientWouldDo() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
    server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "/elsewhere").build());
    server.enqueue(json(401, "{\"error\":\"expired\"}"));
    server.enqueue(json(200, "{}"));
    SpiceCloudClient client = clientBuilder().httpClient(permissive().build()).build();

    assertThat(catchThrowableOfType(SpiceCloudIoException.class, () -> client.apiKeys().regenerateApiKey(1L, null)))
        .isNotNull();
    assertThat(catchThrowableOfType(InternalServerException.class, () -> client.apiKeys().regenerateApiKey(1L, null)))
        .isNotNull();
    assertThat(catchThrowableOfType(SpiceCloudServiceException.class, () -> client.apiKeys().regenerateApiKey(1L, null))
        .statusCode()).isEqualTo(307);
    assertThat(catchThrowableOfType(UnauthorizedException.class, () -> client.apiKeys().regenerateApiKey(1L, null)))
        .isNotNull();

    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void theClientsTimeoutsApplyOverTheCallers() {
    OkHttpClient own = permissive().build();

    OkHttpClient used = clientBuilder().httpClient(own).readTimeout(Duration.ofSeconds(2)).build().httpClient();

    assertThat(used.readTimeoutMillis()).isEqualTo(2000);
    assertThat(used.retryOnConnectionFailure()).isFalse();
    assertThat(used.followRedirects()).isFalse();
    assertThat(used.callTimeoutMillis()).isEqualTo(60_000);
    assertThat(own.readTimeoutMillis()).isEqualTo(300_000); // the caller's own client is not changed
    assertThat(used.connectionPool()).isSameAs(own.connectionPool());
  }

  @Test
  void aCallersNetworkInterceptorSeesTheAnswersTheClientTakesPastOkHttpAsAFailure() throws IOException {
    List<String> outcomes = new CopyOnWriteArrayList<>();
    OkHttpClient own = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      try {
        okhttp3.Response response = chain.proceed(chain.request());
        outcomes.add("HTTP " + response.code());
        return response;
      } catch (IOException e) {
        outcomes.add("failed");
        throw e;
      }
    }).build();
    server.enqueue(json(200, "{\"apps\":[]}"));
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
    SpiceCloudClient client = clientBuilder().httpClient(own).maxRetries(0).build();

    client.apps().listApps();
    catchThrowableOfType(InternalServerException.class, () -> client.apps().listApps());

    assertThat(outcomes).containsExactly("HTTP 200", "failed");
  }
}
