package ai.spice.cloud.client.auth;

import ai.spice.cloud.client.Sleeper;
import ai.spice.cloud.client.errors.TokenExchangeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client credentials, exchanged for short-lived access tokens at the Spice Cloud token endpoint
 * ({@code POST https://spice.ai/api/oauth/token}) and cached.
 *
 * <ul>
 *   <li>The first request fetches a token; later ones reuse it until it is due for refresh: {@code
 *       min(60 s, lifetime / 2)} before it expires. Concurrent callers wait for one exchange.
 *   <li>A refused connection, a timeout, HTTP 408, 429 or 5xx is retried with backoff, at most
 *       {@code maxAttempts} exchanges in all. Refused credentials (HTTP 400, 401, 403) are never retried.
 *       Either way the caller gets a {@link TokenExchangeException}; while a refresh fails for a transient
 *       reason and the cached token has not expired yet, the cached token is still used.
 *   <li>{@link #rejected(String)} (the API answered 401) drops the cached token.
 * </ul>
 *
 * <p>The client secret and the tokens never appear in logs, exception messages or {@link #toString()}.
 */
public final class ClientCredentials implements TokenProvider {

  private static final Logger LOG = LoggerFactory.getLogger("ai.spice.cloud.client.auth");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
  /** Used when the endpoint leaves out {@code expires_in}, which RFC 6749 only recommends. */
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
  /** After a failed refresh with a still-valid token, how long to keep using it before trying again. */
  private static final Duration RETRY_REFRESH_AFTER = Duration.ofSeconds(5);
  private static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

  private final String clientId;
  private final String clientSecret;
  private final HttpUrl tokenUrl;
  private final OkHttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final String userAgent;
  private final Object lock = new Object();
  private volatile Cached cached;

  /** A token and when to stop using it: refresh from {@code refreshAt}, never after {@code expiresAt}. */
  private record Cached(String token, Instant refreshAt, Instant expiresAt) {}

  private ClientCredentials(Builder b) {
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.tokenUrl = b.tokenUrl;
    OkHttpClient.Builder http = b.http.newBuilder(); // shares the caller's pool, proxy and TLS settings
    // Not the caller's interceptors: a logging one would print the secret and the tokens.
    http.interceptors().clear();
    http.networkInterceptors().clear();
    this.http = http
        // Retries are this class's decision alone; the endpoint never redirects, a redirect could leak the secret.
        .retryOnConnectionFailure(false).followRedirects(false).followSslRedirects(false)
        .callTimeout(b.timeout).build();
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.userAgent = b.userAgent;
  }

  /**
   * @param clientId the OAuth client id of a Spice Cloud machine user
   * @param clientSecret its secret
   * @return a builder; the token URL defaults to the one for {@code https://api.spice.ai}
   */
  public static Builder builder(String clientId, String clientSecret) {
    return new Builder(clientId, clientSecret);
  }

  @Override
  public String token() {
    Cached current = cached;
    if (current != null && clock.instant().isBefore(current.refreshAt())) {
      return current.token();
    }
    synchronized (lock) { // one exchange for all callers that arrive while it runs
      current = cached;
      Instant now = clock.instant();
      if (current != null && now.isBefore(current.refreshAt())) {
        return current.token();
      }
      try {
        Cached fresh = exchange();
        cached = fresh;
        return fresh.token();
      } catch (TokenExchangeException e) {
        if (current != null && !e.credentialsRejected() && now.isBefore(current.expiresAt())) {
          LOG.warn("Refreshing the access token failed ({}); the current one is valid until {}, still using it",
              e.getMessage(), current.expiresAt());
          Instant retryAt = now.plus(RETRY_REFRESH_AFTER);
          cached = new Cached(current.token(), retryAt.isBefore(current.expiresAt()) ? retryAt
              : current.expiresAt(), current.expiresAt());
          return current.token();
        }
        throw e;
      }
    }
  }

  @Override
  public void rejected(String token) {
    synchronized (lock) {
      Cached current = cached;
      if (current != null && current.token().equals(token)) {
        cached = null;
      }
    }
  }

  private Cached exchange() {
    TokenExchangeException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        pause(attempt - 1, last);
      }
      try {
        return attemptExchange();
      } catch (Transient e) {
        last = e.failure;
      }
    }
    throw last;
  }

  /** A failure worth another attempt. */
  private static final class Transient extends Exception {
    private static final long serialVersionUID = 1L;
    final transient TokenExchangeException failure;

    Transient(TokenExchangeException failure) {
      super(null, null, false, false);
      this.failure = failure;
    }
  }

  private Cached attemptExchange() throws Transient {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    form.put("grant_type", "client_credentials");
    Request request;
    try {
      request = new Request.Builder().url(tokenUrl)
          .header("Accept", "application/json")
          .header("User-Agent", userAgent)
          .post(RequestBody.create(JSON.writeValueAsBytes(form), JSON_TYPE))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the token request", e);
    }
    long start = System.nanoTime();
    try (Response response = http.newCall(request).execute()) {
      int status = response.code();
      byte[] body = read(response.body());
      LOG.debug("Token exchange POST {} -> {} in {} ms", tokenUrl, status, (System.nanoTime() - start) / 1_000_000);
      if (status >= 200 && status <= 299) {
        return parse(status, body);
      }
      String error = errorCode(body);
      String detail = "HTTP " + status + (error == null ? "" : ", " + error);
      if (status == 400 || status == 401 || status == 403) {
        throw new TokenExchangeException("The token endpoint " + tokenUrl + " refused the client credentials ("
            + detail + "); check the client id and secret", status, error, true, null);
      }
      TokenExchangeException failure = new TokenExchangeException("The token endpoint " + tokenUrl
          + " failed (" + detail + ")", status, error, false, null);
      if (status == 408 || status == 429 || status >= 500) {
        throw new Transient(failure);
      }
      throw failure;
    } catch (IOException e) {
      String kind = e instanceof InterruptedIOException ? "timed out" : "is unreachable";
      throw new Transient(new TokenExchangeException("The token endpoint " + tokenUrl + " " + kind + " ("
          + e.getClass().getSimpleName() + ")", null, null, false, e));
    }
  }

  private Cached parse(int status, byte[] body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      throw invalid(status, "the answer is not a JSON object");
    }
    JsonNode token = json.get("access_token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw invalid(status, "the answer has no access_token");
    }
    JsonNode type = json.get("token_type");
    if (type == null || !type.isTextual() || !type.asText().equalsIgnoreCase("Bearer")) {
      throw invalid(status, "token_type is " + (type == null ? "missing" : describeType(type))
          + ", only Bearer tokens are supported");
    }
    JsonNode expiresIn = json.get("expires_in");
    Duration lifetime = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
        ? Duration.ofSeconds(expiresIn.asLong()) : DEFAULT_LIFETIME;
    Instant now = clock.instant();
    Duration margin = lifetime.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? lifetime.dividedBy(2) : REFRESH_MARGIN;
    return new Cached(token.asText(), now.plus(lifetime).minus(margin), now.plus(lifetime));
  }

  /** The type name is the endpoint's; quote it only when it is a short plain word. */
  private static String describeType(JsonNode type) {
    String t = type.asText();
    return ERROR_CODE.matcher(t).matches() ? "\"" + t + "\"" : "not a plain word";
  }

  private TokenExchangeException invalid(int status, String problem) {
    return new TokenExchangeException("The token endpoint " + tokenUrl + " answered HTTP " + status + " but "
        + problem, status, null, false, null);
  }

  /** The OAuth {@code error} member, only when it is a plain code (never free text that could echo input). */
  private static String errorCode(byte[] body) {
    try {
      JsonNode error = JSON.readTree(body).get("error");
      return error != null && error.isTextual() && ERROR_CODE.matcher(error.asText()).matches() ? error.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static byte[] read(ResponseBody body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    try (InputStream in = body.byteStream()) {
      return in.readNBytes(MAX_BODY_BYTES);
    }
  }

  private void pause(int retry, TokenExchangeException last) {
    long step = initialBackoff.toMillis() << Math.min(retry - 1, 16);
    Duration wait = Duration.ofMillis(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw last;
    }
  }

  /**
   * @param apiBaseUrl the API's base URL
   * @return the token endpoint Spice Cloud serves for it: {@code https://api.spice.ai} gives
   *     {@code https://spice.ai/api/oauth/token}, {@code https://dev-api.spice.ai} gives
   *     {@code https://dev.spice.ai/api/oauth/token}, any other host keeps its host
   */
  public static String tokenUrlFor(String apiBaseUrl) {
    return TokenUrls.forBaseUrl(apiBaseUrl).toString();
  }

  /** @return the token endpoint in use */
  public String tokenUrl() {
    return tokenUrl.toString();
  }

  @Override
  public String toString() {
    return "ClientCredentials{clientId=" + clientId + ", tokenUrl=" + tokenUrl + "}";
  }

  /** Settings of {@link ClientCredentials}. */
  public static final class Builder {
    private final String clientId;
    private final String clientSecret;
    private HttpUrl tokenUrl = TokenUrls.forBaseUrl("https://api.spice.ai");
    private OkHttpClient http;
    private Duration timeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(250);
    private String userAgent = "spice-cloud-java";

    private Builder(String clientId, String clientSecret) {
      this.clientId = requireText(clientId, "clientId");
      this.clientSecret = requireText(clientSecret, "clientSecret");
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be empty");
      }
      return value.strip();
    }

    /**
     * The API's base URL, the token endpoint derived from it as {@link ClientCredentials#tokenUrlFor} says.
     *
     * @param apiBaseUrl the API base URL, e.g. {@code https://api.spice.ai}
     * @return this builder
     * @throws IllegalArgumentException if it is not an absolute http(s) URL, or http off loopback
     */
    public Builder apiBaseUrl(String apiBaseUrl) {
      this.tokenUrl = TokenUrls.forBaseUrl(apiBaseUrl);
      return this;
    }

    /**
     * The token endpoint itself; {@code https} unless on a loopback address.
     *
     * @param tokenUrl e.g. {@code https://spice.ai/api/oauth/token}
     * @return this builder
     * @throws IllegalArgumentException if it is not an absolute https URL (http only on loopback)
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = TokenUrls.check(tokenUrl);
      return this;
    }

    /**
     * The OkHttp client to share (its pool); its re-sends and redirects are switched off here.
     *
     * @param http the client whose pool the exchanges use
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder httpClient(OkHttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /**
     * The most one exchange may take, default 30 s.
     *
     * @param timeout the most one exchange may take
     * @return this builder
     * @throws IllegalArgumentException if it is null or not positive
     */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Exchanges tried before giving up on a transient failure, 1 to 10, default 3.
     *
     * @param maxAttempts 1 to 10
     * @return this builder
     * @throws IllegalArgumentException if it is out of range
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 10, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The first wait between attempts, doubling, default 250 ms.
     *
     * @param initialBackoff the first wait
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * What token lifetimes are measured with (tests inject one).
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How to wait between attempts (tests record instead).
     *
     * @param sleeper the waiting strategy
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The {@code User-Agent} of the exchange (the client sets its own, with its version).
     *
     * @param userAgent the header value
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * @return the provider; it exchanges on first use, not here
     */
    public ClientCredentials build() {
      if (http == null) {
        http = new OkHttpClient();
      }
      return new ClientCredentials(this);
    }
  }
}
