package ai.spice.cloud.client;

import ai.spice.cloud.client.api.ApiKeysApi;
import ai.spice.cloud.client.api.AppsApi;
import ai.spice.cloud.client.api.HealthApi;
import ai.spice.cloud.client.api.MembersApi;
import ai.spice.cloud.client.api.RegionsApi;
import ai.spice.cloud.client.api.SecretsApi;
import ai.spice.cloud.client.internal.CheckedDecoder;
import ai.spice.cloud.client.internal.FollowUpRestoringClient;
import ai.spice.cloud.client.internal.GetOnlyRetryer;
import ai.spice.cloud.client.internal.Models;
import ai.spice.cloud.client.internal.OkHttpFeignClient;
import ai.spice.cloud.client.internal.OkHttpFollowUpShield;
import ai.spice.cloud.client.internal.OptionalBodyContract;
import ai.spice.cloud.client.internal.OptionalBodyEncoder;
import ai.spice.cloud.client.internal.RedactingLogger;
import ai.spice.cloud.client.internal.RequestHeaders;
import ai.spice.cloud.client.internal.StatusErrorDecoder;
import ai.spice.cloud.client.internal.TranslatingInvocationHandlerFactory;
import ai.spice.cloud.client.internal.Version;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Contract;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.jackson.JacksonEncoder;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Entry point of the Spice Cloud Control-Plane API client.
 *
 * <pre>{@code
 * SpiceCloudClient client = SpiceCloudClient.builder()
 *     .tokenSupplier(myOAuthTokens::current)   // asked on every request
 *     .build();
 * ApiKeys keys = client.apiKeys().getApiKeys(42L);
 * ApiKeysRegenerated fresh = client.apiKeys().regenerateApiKey(42L,
 *     new RegenerateApiKeyRequest().keyNumber(RegenerateApiKeyRequest.KeyNumberEnum.SECONDARY));
 * }</pre>
 *
 * <p><b>Retries.</b> {@code getApiKeys} is retried (by default 3 times, so 4 attempts) after a connection
 * failure or a 408, 429, 500, 502, 503 or 504, waiting an exponential backoff with jitter or the
 * server's {@code Retry-After} up to a cap. <b>{@code regenerateApiKey} (POST) is never re-sent
 * automatically</b>, whatever happens: not after a connection reset, not on {@code Retry-After}, not on
 * 503; OkHttp's own automatic re-sends (connection-failure retry, redirects, 408, 421, 503 with
 * {@code Retry-After: 0}) are switched off or hidden from it. Regeneration invalidates the
 * old key at once, so a second regeneration after a lost response would invalidate the key the first one
 * returned. If it fails with a {@link ai.spice.cloud.client.errors.SpiceCloudIoException}, read the keys
 * with {@code getApiKeys} before deciding to regenerate again.
 *
 * <p><b>Timeouts.</b> {@link Builder#connectTimeout(Duration) connectTimeout} bounds establishing a
 * connection and {@link Builder#readTimeout(Duration) readTimeout} bounds each silence while waiting or
 * reading (so a server trickling bytes faster than that never trips it).
 * {@link Builder#callTimeout(Duration) callTimeout} bounds one whole HTTP attempt end to end: connect, write
 * the request, wait, read the entire body. So a {@code getApiKeys} call ends within
 * {@code (maxRetries + 1) x callTimeout} plus the backoffs slept between attempts, and a
 * {@code regenerateApiKey} call within one {@code callTimeout} (not counting the time the token supplier
 * takes). Any of these timeouts surfaces as a {@link ai.spice.cloud.client.errors.SpiceCloudTimeoutException}.
 * A GET whose attempt times out before the response head arrived is retried like any connection failure; one
 * that times out while reading the body is not; a regeneration never is.
 *
 * <p><b>Errors.</b> Every failure is a {@link ai.spice.cloud.client.errors.SpiceCloudException}: a typed
 * {@link ai.spice.cloud.client.errors.SpiceCloudServiceException} per non-2xx status, a
 * {@link ai.spice.cloud.client.errors.SpiceCloudIoException} for network failures and
 * {@link ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException} for a body that is not the
 * documented JSON.
 *
 * <p><b>Secrets.</b> The bearer token and API key values never appear in log lines (at any
 * {@link LogLevel}), exception messages or the {@code toString()} of returned models; the getters return
 * the real values.
 *
 * <p>Instances are immutable, thread-safe and meant to be shared: one connection pool serves all calls.
 */
public final class SpiceCloudClient {

  /** The spec's server. */
  public static final String DEFAULT_BASE_URL = "https://api.spice.ai";
  /** Environment variable {@link #fromEnv()} reads the bearer token from (required). */
  public static final String ENV_TOKEN = "SPICE_CLOUD_TOKEN";
  /** Environment variable {@link #fromEnv()} reads the base URL from (optional). */
  public static final String ENV_BASE_URL = "SPICE_CLOUD_BASE_URL";

  private final Builder settings;
  private final okhttp3.OkHttpClient http;
  private final ApiKeysApi apiKeys;
  private final AppsApi apps;
  private final SecretsApi secrets;
  private final MembersApi members;
  private final RegionsApi regions;
  private final HealthApi health;

  private SpiceCloudClient(Builder settings, okhttp3.OkHttpClient shared) {
    this.settings = settings.copy();
    okhttp3.OkHttpClient.Builder http;
    if (shared == null) {
      // OkHttp's other automatic re-sends (503 with Retry-After: 0, 408, 421) are hidden from it.
      http = new okhttp3.OkHttpClient.Builder().addNetworkInterceptor(new OkHttpFollowUpShield());
    } else {
      http = shared.newBuilder(); // keeps the connection pool, dispatcher and interceptors
    }
    this.http = http
        .connectTimeout(settings.connectTimeout)
        .readTimeout(settings.readTimeout)
        .writeTimeout(settings.readTimeout)
        // readTimeout only bounds silence between bytes; this bounds the whole attempt, body included.
        .callTimeout(settings.callTimeout)
        // OkHttp would otherwise silently re-send a request, POST included, after some connection
        // failures; retries are GetOnlyRetryer's decision alone.
        .retryOnConnectionFailure(false)
        // The API never redirects; following one could re-send a POST or carry the token elsewhere.
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
    this.apiKeys = feign(this.settings, this.http).target(ApiKeysApi.class, this.settings.baseUrl);
    this.apps = feign(this.settings, this.http).target(AppsApi.class, this.settings.baseUrl);
    this.secrets = feign(this.settings, this.http).target(SecretsApi.class, this.settings.baseUrl);
    this.members = feign(this.settings, this.http).target(MembersApi.class, this.settings.baseUrl);
    this.regions = feign(this.settings, this.http).target(RegionsApi.class, this.settings.baseUrl);
    this.health = feign(this.settings, this.http).target(HealthApi.class, this.settings.baseUrl);
  }

  private static Feign.Builder feign(Builder s, okhttp3.OkHttpClient http) {
    ObjectMapper mapper = Models.objectMapper();
    return Feign.builder()
        .client(new FollowUpRestoringClient(new OkHttpFeignClient(http)))
        // Same values as the OkHttp client, so no client is derived per request.
        .options(new Request.Options(s.connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
            s.readTimeout.toMillis(), TimeUnit.MILLISECONDS, false))
        .contract(new OptionalBodyContract(new Contract.Default()))
        .encoder(new OptionalBodyEncoder(new JacksonEncoder(mapper)))
        .decoder(new CheckedDecoder(mapper))
        .errorDecoder(new StatusErrorDecoder(s.clock))
        .retryer(new GetOnlyRetryer(s.maxRetries, s.initialBackoff, s.maxBackoff, s.maxRetryAfter,
            s.sleeper, s.clock))
        .requestInterceptor(new RequestHeaders(s.tokenSupplier, Version.userAgent()))
        .logger(new RedactingLogger())
        .logLevel(Logger.Level.valueOf(s.logLevel.name()))
        .invocationHandlerFactory(new TranslatingInvocationHandlerFactory());
  }

  /** @return a builder with the defaults; a token or token supplier must be set */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the environment: {@value #ENV_TOKEN} (required) and
   * {@value #ENV_BASE_URL} (optional, default {@value #DEFAULT_BASE_URL}).
   *
   * @return a ready client
   * @throws IllegalStateException if {@value #ENV_TOKEN} is unset or blank
   */
  public static SpiceCloudClient fromEnv() {
    return fromEnv(System::getenv);
  }

  static SpiceCloudClient fromEnv(Function<String, String> env) {
    String token = env.apply(ENV_TOKEN);
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("Environment variable " + ENV_TOKEN + " is not set");
    }
    Builder b = builder().bearerToken(token.trim());
    String baseUrl = env.apply(ENV_BASE_URL);
    if (baseUrl != null && !baseUrl.isBlank()) {
      b.baseUrl(baseUrl.trim());
    }
    return b.build();
  }

  /**
   * The API keys operations. {@code getApiKeys} is retried on transient failures;
   * {@code regenerateApiKey} is sent exactly once, never retried by the client, Feign or OkHttp (see the
   * class documentation). {@code regenerateApiKey(appId, null)} sends no body, so the server default
   * (the primary key) applies; {@code new RegenerateApiKeyRequest()} carries that default explicitly.
   *
   * @return the API keys operations, ready to call; the same thread-safe instance every time
   */
  public ApiKeysApi apiKeys() {
    return apiKeys;
  }

  /** @return the apps operations */
  public AppsApi apps() {
    return apps;
  }

  /** @return the secrets operations */
  public SecretsApi secrets() {
    return secrets;
  }

  /** @return the organization members operations */
  public MembersApi members() {
    return members;
  }

  /** @return the deployment regions operations */
  public RegionsApi regions() {
    return regions;
  }

  /** @return the health check */
  public HealthApi health() {
    return health;
  }

  /** @return a builder preset with this client's settings (the built client gets its own pool) */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * A client with other timeouts that shares this client's connection pool, for the odd slow call. It keeps
   * this client's {@link Builder#callTimeout(Duration) call timeout}, raised to {@code connect + read} when
   * that is longer, so a longer read timeout asked for here is not cut short by the call timeout. Use
   * {@link #withTimeouts(Duration, Duration, Duration)} to set the call timeout exactly.
   *
   * @param connect connect timeout
   * @param read read timeout
   * @return the new client
   */
  public SpiceCloudClient withTimeouts(Duration connect, Duration read) {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(read, "read");
    Duration call = settings.callTimeout;
    Duration atLeast = connect.plus(read);
    return withTimeouts(connect, read, atLeast.compareTo(call) > 0 ? atLeast : call);
  }

  /**
   * A client with other timeouts that shares this client's connection pool, for the odd slow call.
   *
   * @param connect connect timeout
   * @param read read timeout
   * @param call the most one HTTP attempt may take end to end (see {@link Builder#callTimeout(Duration)})
   * @return the new client
   */
  public SpiceCloudClient withTimeouts(Duration connect, Duration read, Duration call) {
    Builder b = settings.copy().connectTimeout(connect).readTimeout(read).callTimeout(call);
    b.validate();
    return new SpiceCloudClient(b, http);
  }

  /** For tests in this package: the OkHttp client, to inspect its connection pool. */
  okhttp3.OkHttpClient httpClient() {
    return http;
  }

  @Override
  public String toString() {
    return "SpiceCloudClient{baseUrl=" + settings.baseUrl + ", logLevel=" + settings.logLevel + "}";
  }

  /** Settings of a {@link SpiceCloudClient}. Not thread-safe; {@link #build()} copies it. */
  public static final class Builder {

    private String baseUrl = DEFAULT_BASE_URL;
    private Supplier<String> tokenSupplier;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private LogLevel logLevel = LogLevel.NONE;
    private boolean allowInsecureHttp;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * @param baseUrl e.g. {@code https://api.spice.ai} (default); a path prefix is kept
     * @return this
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * @param token a fixed bearer token (replaces any token supplier)
     * @return this
     */
    public Builder bearerToken(String token) {
      Objects.requireNonNull(token, "token");
      this.tokenSupplier = () -> token;
      return this;
    }

    /**
     * @param tokenSupplier asked for the bearer token on every request, e.g. a cache of OAuth
     *     access tokens that refreshes before expiry; must be thread-safe
     * @return this
     */
    public Builder tokenSupplier(Supplier<String> tokenSupplier) {
      this.tokenSupplier = Objects.requireNonNull(tokenSupplier, "tokenSupplier");
      return this;
    }

    /**
     * @param connectTimeout default 10 s
     * @return this
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * @param readTimeout default 30 s; also bounds writing the request
     * @return this
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
      return this;
    }

    /**
     * The most one HTTP attempt may take end to end: connecting, writing the request, waiting for the
     * server and reading the whole response body. Unlike {@link #readTimeout(Duration)}, which only bounds
     * silence between bytes, it also ends a response trickling in slowly. Each retry of a GET gets a fresh
     * call timeout, so a GET ends within {@code (maxRetries + 1) x callTimeout} plus the backoffs between
     * attempts; a regeneration, sent once, ends within one {@code callTimeout}. Expiry surfaces as
     * {@link ai.spice.cloud.client.errors.SpiceCloudTimeoutException}; a GET is retried only if the
     * response head had not arrived yet.
     *
     * @param callTimeout default 60 s
     * @return this
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
      return this;
    }

    /**
     * @param maxRetries retries of a GET after the first attempt, default 3; 0 disables retries. POST
     *     is never retried.
     * @return this
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * @param initialBackoff first backoff, default 500 ms, doubling per retry, with jitter
     * @return this
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * @param maxBackoff upper bound of a computed backoff, default 8 s
     * @return this
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * @param maxRetryAfter longest {@code Retry-After} honoured, default 30 s; a longer, negative or
     *     unparsable one falls back to the computed backoff
     * @return this
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * @param logLevel default {@link LogLevel#NONE}; secrets are masked at every level
     * @return this
     */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel");
      return this;
    }

    /**
     * @param allowInsecureHttp allow an {@code http://} base URL on a non-loopback host, which sends
     *     the token in clear text; default false
     * @return this
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * @param sleeper how to wait between retries (tests record instead of waiting)
     * @return this
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * @param clock the time an HTTP-date {@code Retry-After} is measured from
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @return a new client
     * @throws IllegalStateException if no token or token supplier was set
     * @throws IllegalArgumentException for an invalid setting, or an {@code http://} base URL on a
     *     non-loopback host without {@link #allowInsecureHttp(boolean)}
     */
    public SpiceCloudClient build() {
      validate();
      return new SpiceCloudClient(this, null);
    }

    void validate() {
      if (tokenSupplier == null) {
        throw new IllegalStateException("Set bearerToken(...) or tokenSupplier(...)");
      }
      requirePositive(connectTimeout, "connectTimeout");
      requirePositive(readTimeout, "readTimeout");
      requirePositive(callTimeout, "callTimeout");
      requirePositive(initialBackoff, "initialBackoff");
      requirePositive(maxBackoff, "maxBackoff");
      if (maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative");
      }
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be between 0 and 10, was " + maxRetries);
      }
      baseUrl = checkBaseUrl(baseUrl, allowInsecureHttp);
    }

    Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.tokenSupplier = tokenSupplier;
      b.connectTimeout = connectTimeout;
      b.readTimeout = readTimeout;
      b.callTimeout = callTimeout;
      b.maxRetries = maxRetries;
      b.initialBackoff = initialBackoff;
      b.maxBackoff = maxBackoff;
      b.maxRetryAfter = maxRetryAfter;
      b.logLevel = logLevel;
      b.allowInsecureHttp = allowInsecureHttp;
      b.sleeper = sleeper;
      b.clock = clock;
      return b;
    }

    private static void requirePositive(Duration d, String name) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
    }

    private static String checkBaseUrl(String url, boolean allowInsecureHttp) {
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URL: " + url, e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + url);
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUrl must not carry user info, a query or a fragment");
      }
      if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
        throw new IllegalArgumentException("Refusing to send the bearer token in clear text over http:// to "
            + uri.getHost() + "; use https://, or allowInsecureHttp(true) if this is intended");
      }
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    // Only names that are loopback by definition: no DNS lookup, which an attacker could steer.
    private static boolean isLoopback(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      if (h.equals("localhost") || h.endsWith(".localhost")) {
        return true;
      }
      boolean ipLiteral = h.startsWith("[") || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
      if (!ipLiteral) {
        return false;
      }
      try {
        return InetAddress.getByName(h).isLoopbackAddress(); // literal: parsed, not resolved
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }
}
