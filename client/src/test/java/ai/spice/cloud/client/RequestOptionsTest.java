package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static ai.spice.cloud.client.testing.Responses.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.SpiceCloudTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Per-call settings through a view of the client, without building another one. */
class RequestOptionsTest extends ServerTest {

  private static final String APPS = "{\"apps\":[]}";

  @Test
  void extraHeadersGoOnEveryCallOfTheViewAndNoOtherCall() throws Exception {
    SpiceCloudClient client = client();
    server.enqueue(json(200, APPS));
    server.enqueue(json(200, APPS));

    client.withOptions(RequestOptions.header("X-Org-Name", "acme")).apps().listApps();
    client.apps().listApps();

    RecordedRequest withHeader = take();
    assertThat(withHeader.getHeaders().get("X-Org-Name")).isEqualTo("acme");
    assertThat(withHeader.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(take().getHeaders().get("X-Org-Name")).isNull();
  }

  @Test
  void optionsCombineAndTheLaterOneWins() throws Exception {
    server.enqueue(json(200, APPS));
    SpiceCloudClient view = client().withOptions(RequestOptions.header("X-Org-Name", "acme").withHeader("X-A", "1"))
        .withOptions(RequestOptions.header("X-Org-Name", "other"));

    view.apps().listApps();

    RecordedRequest r = take();
    assertThat(r.getHeaders().values("X-Org-Name")).containsExactly("other");
    assertThat(r.getHeaders().get("X-A")).isEqualTo("1");
  }

  @Test
  void aTimeoutBoundsTheWholeCallAcrossRetries() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(503, "{}").newBuilder().headersDelay(400, TimeUnit.MILLISECONDS).build());
    }
    SpiceCloudClient client = clientBuilder().sleeper(d -> Thread.sleep(d.toMillis()))
        .initialBackoff(Duration.ofMillis(300)).build();

    long started = System.nanoTime();
    Throwable e = catchThrowableOfType(RuntimeException.class,
        () -> client.withOptions(RequestOptions.timeout(Duration.ofMillis(1000))).apiKeys().getApiKeys(1L));
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(e).isInstanceOfAny(InternalServerException.class, SpiceCloudTimeoutException.class);
    assertThat(server.getRequestCount()).isLessThan(4);
    assertThat(tookMillis).isLessThan(2500);
  }

  @Test
  void aShortTimeoutEndsASlowAnswerAndTheClientItselfStaysPatient() {
    server.enqueue(keys(KEY_1, KEY_2).newBuilder().headersDelay(1500, TimeUnit.MILLISECONDS).build());
    server.enqueue(keys(KEY_1, KEY_2).newBuilder().headersDelay(300, TimeUnit.MILLISECONDS).build());
    SpiceCloudClient client = clientBuilder().maxRetries(0).build();

    SpiceCloudTimeoutException e = catchThrowableOfType(SpiceCloudTimeoutException.class,
        () -> client.withOptions(RequestOptions.timeout(Duration.ofMillis(500))).apiKeys().getApiKeys(1L));

    assertThat(e).isNotNull();
    assertThat(client.apiKeys().getApiKeys(1L).getApiKey()).isEqualTo(KEY_1);
  }

  @Test
  void aTimeoutLongerThanTheReadTimeoutLetsASlowAnswerThrough() {
    server.enqueue(keys(KEY_1, KEY_2).newBuilder().headersDelay(1200, TimeUnit.MILLISECONDS).build());
    SpiceCloudClient impatient = clientBuilder().readTimeout(Duration.ofMillis(500)).maxRetries(0).build();

    String key = impatient.withOptions(RequestOptions.timeout(Duration.ofSeconds(5))).apiKeys().getApiKeys(1L)
        .getApiKey();

    assertThat(key).isEqualTo(KEY_1);
    assertThat(impatient.withOptions(RequestOptions.timeout(Duration.ofSeconds(5))).httpClient().connectionPool())
        .isSameAs(impatient.httpClient().connectionPool());
  }

  @Test
  void theTokenCannotBeReplacedByAHeaderAndInvalidHeadersAreRefused() {
    assertThatThrownBy(() -> RequestOptions.header("authorization", "Bearer other"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token supplier");
    assertThatThrownBy(() -> RequestOptions.header("X-Bad", "a\r\nInjected: yes"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionsPrintHeaderNamesButNotTheirValues() {
    assertThat(RequestOptions.header("X-Org-Name", "acme-secret-org").withTimeout(Duration.ofSeconds(3)).toString())
        .contains("X-Org-Name").contains("PT3S").doesNotContain("acme-secret-org");
  }

  @Test
  void aViewSharesTheConnectionPool() {
    SpiceCloudClient client = client();

    assertThat(client.withOptions(RequestOptions.header("X-A", "1")).httpClient()).isSameAs(client.httpClient());
  }

  @Test
  void aRegenerationWithATimeoutIsStillSentOnce() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
    server.enqueue(json(200, "{}"));

    catchThrowableOfType(InternalServerException.class, () -> client()
        .withOptions(RequestOptions.timeout(Duration.ofSeconds(30))).apiKeys().regenerateApiKey(1L, null));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
