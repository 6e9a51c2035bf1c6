package ai.spice.cloud.bench.contenders;

import ai.spice.cloud.bench.server.Fixtures;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The floor: the least a hand-written call does (build request, send, check status, parse). Its second form,
 * {@link #withOurOkHttpSettings}, is the same call on an OkHttp client set up as {@code SpiceCloudClient} sets
 * up its own, so a run can tell the cost of those settings from the cost of the rest of our client.
 */
public final class FloorContender implements Contender {
  private static final MediaType JSON = MediaType.get("application/json");

  record Keys(@JsonProperty("api_key") String apiKey, @JsonProperty("api_key_2") String apiKey2) {}

  record Regenerated(
      @JsonProperty("api_key") String apiKey,
      @JsonProperty("api_key_2") String apiKey2,
      @JsonProperty("regenerated_key") Integer regeneratedKey) {}

  record RegenerateBody(@JsonProperty("key_number") int keyNumber) {}

  record Region(@JsonProperty("name") String name, @JsonProperty("region") String region,
      @JsonProperty("provider") String provider, @JsonProperty("providerName") String providerName,
      @JsonProperty("isDefault") Boolean isDefault, @JsonProperty("disabled") Boolean disabled) {}

  record Regions(@JsonProperty("regions") List<Region> regions, @JsonProperty("default") String defaultRegion) {}

  private static final RequestBody NO_BODY = RequestBody.create(new byte[0]);

  private final OkHttpClient http;
  private final ObjectMapper mapper =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final String url;
  private final String regionsUrl;
  private final String authorization;

  /**
   * The floor on SpiceCloudClient's default transport settings: a 60 s call timeout (a watchdog entry per call),
   * 10 s connect, 30 s read and write timeouts, no automatic re-sends, no redirects. ContendersTest fails if
   * the client's defaults move away from these.
   */
  public static FloorContender withOurOkHttpSettings(OkHttpClient base, String baseUrl, String token) {
    OkHttpClient http = base.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
    return new FloorContender(http, baseUrl, token);
  }

  /** @param http {@code new OkHttpClient()}, or one sharing a connection pool */
  FloorContender(OkHttpClient http, String baseUrl, String token) {
    this.http = http;
    this.url = baseUrl + "/v1/apps/" + Fixtures.APP_ID + "/api-keys";
    this.regionsUrl = baseUrl + "/v1/regions";
    this.authorization = "Bearer " + token;
  }

  OkHttpClient http() {
    return http;
  }

  @Override
  public Keys getApiKeys() {
    Request request = new Request.Builder().url(url)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .build();
    return send(request, Keys.class);
  }

  @Override
  public Regions listRegions() {
    Request request = new Request.Builder().url(regionsUrl)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .build();
    return send(request, Regions.class);
  }

  @Override
  public Regenerated regenerateApiKeyWithoutBody() {
    Request request = new Request.Builder().url(url)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .post(NO_BODY)
        .build();
    return send(request, Regenerated.class);
  }

  @Override
  public Regenerated regenerateApiKey() {
    try {
      RequestBody body = RequestBody.create(mapper.writeValueAsBytes(new RegenerateBody(1)), JSON);
      Request request = new Request.Builder().url(url)
          .header("Authorization", authorization)
          .header("Accept", "application/json")
          .post(body)
          .build();
      return send(request, Regenerated.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T send(Request request, Class<T> type) {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return mapper.readValue(response.body().byteStream(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Observed observe(Object response) {
    if (response instanceof Keys keys) {
      return new Observed(keys.apiKey(), keys.apiKey2(), null);
    }
    if (response instanceof Regions list) {
      return new Observed(list.regions().get(0).region(), list.defaultRegion(), null);
    }
    Regenerated regenerated = (Regenerated) response;
    return new Observed(regenerated.apiKey(), regenerated.apiKey2(), regenerated.regeneratedKey());
  }
}
