package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.invoker.ApiClient;
import ai.spice.cloud.client.model.ApiKeys;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * The plan handles the forms Feign's contract reads, beyond those the spec uses today (query and header
 * parameters, query maps, other methods), so an operation the spec adds later works as it is generated.
 */
class OperationPlanTest extends ServerTest {

  interface Things extends ApiClient.Api {
    @RequestLine("GET /v1/things/{name}?limit={limit}&offset={offset}&fixed=1")
    @Headers({"Accept: application/json", "X-Org-Name: {org}"})
    ApiKeys find(@Param("name") @jakarta.annotation.Nonnull String name,
        @Param("limit") @jakarta.annotation.Nullable Integer limit,
        @Param("offset") @jakarta.annotation.Nullable List<Integer> offset,
        @Param("org") @jakarta.annotation.Nullable String org);

    @RequestLine("GET /v1/things")
    ApiKeys search(@QueryMap(encoded = true) Map<String, Object> query);

    @RequestLine("PUT /v1/things/{id}")
    @Headers("Content-Type: application/json")
    ApiKeys put(@Param("id") Long id, ApiKeys body);

    @RequestLine("DELETE /v1/things/{id}")
    void delete(@Param("id") Long id);

    @RequestLine("PATCH /v1/things/{id}")
    @Headers("Content-Type: application/json")
    ApiKeys patch(@Param("id") Long id, ApiKeys body);

    default String describe() {
      return "things";
    }
  }

  /** As generated for optional query and header parameters: in the templates, not in the plain method. */
  interface Listing extends ApiClient.Api {
    @RequestLine("GET /v1/listing?limit={limit}&offset={offset}")
    @Headers({"Accept: application/json", "X-Trace: {xTrace}"})
    ApiKeys list();

    @RequestLine("GET /v1/listing?limit={limit}&offset={offset}")
    @Headers({"Accept: application/json", "X-Trace: {xTrace}"})
    ApiKeys list(@QueryMap(encoded = true) Map<String, Object> query);
  }

  @Test
  void anOptionalParameterNoArgumentBindsIsLeftOutOrTakenFromTheQueryMap() throws Exception {
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));
    Listing listing = client().api(Listing.class);

    listing.list();
    listing.list(Map.of("limit", "5"));

    RecordedRequest plain = take();
    assertThat(plain.getTarget()).isEqualTo("/v1/listing");
    assertThat(plain.getHeaders().get("X-Trace")).isNull();
    assertThat(take().getTarget()).isEqualTo("/v1/listing?limit=5");
  }

  interface FormPost extends ApiClient.Api {
    @RequestLine("POST /v1/form")
    void submit(@Param("field") String field);
  }

  private Things things() {
    return client().api(Things.class);
  }

  @Test
  void pathQueryAndHeaderParametersAreEncodedAndNullOnesLeftOut() throws Exception {
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));

    things().find("a b/c", 5, List.of(1, 2), "acme");
    things().find("x", null, null, null);

    RecordedRequest full = take();
    assertThat(full.getTarget()).isEqualTo("/v1/things/a%20b%2Fc?limit=5&offset=1&offset=2&fixed=1");
    assertThat(full.getHeaders().get("X-Org-Name")).isEqualTo("acme");
    RecordedRequest minimal = take();
    assertThat(minimal.getTarget()).isEqualTo("/v1/things/x?fixed=1");
    assertThat(minimal.getHeaders().get("X-Org-Name")).isNull();
    assertThatThrownBy(() -> things().find(null, 1, null, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("name");
  }

  @Test
  void anEncodedQueryMapIsSentAsItIs() throws Exception {
    server.enqueue(json(200, "{}"));
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("q", "a%20b");
    query.put("skip", null);
    query.put("ids", List.of(3, 4));

    things().search(query);

    assertThat(take().getTarget()).isEqualTo("/v1/things?q=a%20b&ids=3&ids=4");
  }

  @Test
  void putAndDeleteAreRetriedLikeReads() throws Exception {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{\"api_key\":\"k\"}"));
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    assertThat(things().put(3L, new ApiKeys().apiKey("new")).getApiKey()).isEqualTo("k");
    things().delete(3L);

    assertThat(take().getBody().utf8()).isEqualTo("{\"api_key\":\"new\"}");
    assertThat(take().getBody().utf8()).isEqualTo("{\"api_key\":\"new\"}");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void patchIsNeverResent() {
    server.enqueue(json(503, "{}"));
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, "{}"));

    catchThrowableOfType(InternalServerException.class, () -> things().patch(3L, new ApiKeys()));
    catchThrowableOfType(SpiceCloudIoException.class, () -> things().patch(3L, new ApiKeys()));

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void defaultMethodsRunAsWritten() {
    assertThat(things().describe()).isEqualTo("things");
  }

  @Test
  void aFormTheClientCannotSendFailsWhenTheInterfaceIsFirstUsed() {
    assertThatThrownBy(() -> client().api(FormPost.class)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FormPost#submit").hasMessageContaining("form parameters");
    assertThat(server.getRequestCount()).isZero();
  }
}
