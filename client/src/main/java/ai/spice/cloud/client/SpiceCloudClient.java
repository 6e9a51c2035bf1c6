package ai.spice.cloud.client;

import ai.spice.cloud.client.api.ApiKeysApi;
import ai.spice.cloud.client.api.AppsApi;
import ai.spice.cloud.client.api.HealthApi;
import ai.spice.cloud.client.api.MembersApi;
import ai.spice.cloud.client.api.RegionsApi;
import ai.spice.cloud.client.api.SecretsApi;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Entry point of the Spice Cloud Control-Plane API client: one accessor per group of operations, each the
 * generated interface of that group, implemented by the client's own call pipeline on OkHttp.
 *
 * <pre>{@code
 * SpiceCloudClient client = SpiceCloudClient.builder()
 *     .tokenSupplier(myOAuthTokens::current)   // asked on every request
 *     .build();
 * ApiKeys keys = client.apiKeys().getApiKeys(42L);
 * AppList apps = client.apps().listApps();
 * AppList fast = client.withOptions(RequestOptions.timeout(Duration.ofSeconds(2))).apps().listApps();
 * }</pre>
 *
 * <p><b>Retries.</b> Reads (GET, and any HEAD, PUT, DELETE or OPTIONS) are retried, by default 3 times, after
 * a refused or reset connection, a timeout before the response head, and on 408, 429, 500, 502, 503 and 504,
 * waiting an exponential backoff with jitter or the server's {@code Retry-After} up to a cap. <b>A POST or
 * PATCH, such as {@code regenerateApiKey}, is never re-sent</b>, by the client or by OkHttp, whatever happens.
 * Regeneration invalidates the old key at once, so a second regeneration after a lost response would
 * invalidate the key the first one returned. If it fails with a
 * {@link ai.spice.cloud.client.errors.SpiceCloudIoException}, read the keys with {@code getApiKeys} before
 * deciding to regenerate again.
 *
 * <p><b>Timeouts.</b> {@link Builder#connectTimeout(Duration) connectTimeout} bounds establishing a
 * connection, {@link Builder#readTimeout(Duration) readTimeout} each silence while waiting or reading,
 * {@link Builder#callTimeout(Duration) callTimeout} one whole attempt end to end, and
 * {@link Builder#timeout(Duration) timeout} the whole call, every attempt and backoff included. Any of them
 * surfaces as a {@link ai.spice.cloud.client.errors.SpiceCloudTimeoutException}.
 *
 * <p><b>Errors.</b> Every failure is a {@link ai.spice.cloud.client.errors.SpiceCloudException}: a typed
 * {@link ai.spice.cloud.client.errors.SpiceCloudServiceException} per non-2xx status, a
 * {@link ai.spice.cloud.client.errors.SpiceCloudIoException} for network failures and
 * {@link ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException} for a body that is not the
 * documented JSON.
 *
 * <p><b>Secrets.</b> The bearer token, API keys and secret values never appear in log lines (at any
 * {@link LogLevel}), exception messages or the {@code toString()} of returned models; the getters return
 * the real values. Operations the spec leaves public ({@code getHealth}) are sent without a token.
 *
 * <p>Instances are immutable, thread-safe and meant to be shared: one connection pool serves all calls, and
 * {@link #withOptions}, {@link #withTimeouts} views share it.
 */
public final class SpiceCloudClient {

  /** The spec's server. */
  public static final String DEFAULT_BASE_URL = "https://api.spice.ai";
  /** Environment variable {@link #fromEnv()} reads the bearer token from (required). */
  public static final String ENV_TOKEN = "SPICE_CLOUD_TOKEN";
  /** Environment variable {@link #fromEnv()} reads the base URL from (optional). */
  public static final String ENV_BASE_URL = "SPICE_CLOUD_BASE_URL";

  private final Builder settings;
  private final Pipeline pipeline;
  /** Per generated interface, the plan of each method; shared by this client's views. */
  private final ConcurrentMap<Class<?>, Map<Method, Operation>> plans;
  private final OkHttpClient http;
  private final RequestOptions options;
  /** This view's implementation of each interface. */
  private final ConcurrentMap<Class<?>, Object> apis = new ConcurrentHashMap<>();

  private SpiceCloudClient(Builder settings) {
    this.settings = settings.copy();
    this.pipeline = new Pipeline(new BearerAuth(settings.tokenSupplier), new HttpLogger(settings.logLevel),
        new RetryPolicy(settings.maxRetries, settings.initialBackoff, settings.maxBackoff, settings.maxRetryAfter,
            settings.sleeper, settings.clock),
        new ErrorDecoder(settings.clock), settings.timeout.toNanos());
    this.plans = new ConcurrentHashMap<>();
    this.http = Transport.configure(settings.httpClient == null ? new OkHttpClient() : settings.httpClient,
        settings.connectTimeout, settings.readTimeout, settings.callTimeout);
    this.options = RequestOptions.none();
  }

  /** A view: the same pipeline, plans and connection pool, other transport settings or options. */
  private SpiceCloudClient(SpiceCloudClient of, Builder settings, OkHttpClient http, RequestOptions options) {
    this.settings = settings;
    this.pipeline = of.pipeline;
    this.plans = of.plans;
    this.http = http;
    this.options = options;
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
   * The API keys operations. {@code regenerateApiKey(appId, null)} sends no body, so the server default (the
   * primary key) applies; {@code new RegenerateApiKeyRequest()} carries that default explicitly.
   *
   * @return the API keys operations; the same thread-safe instance every time
   */
  public ApiKeysApi apiKeys() {
    return api(ApiKeysApi.class);
  }

  /** @return the apps operations ({@code listApps}); the same thread-safe instance every time */
  public AppsApi apps() {
    return api(AppsApi.class);
  }

  /**
   * @return the secrets operations ({@code listSecrets}); secret values are masked in {@code toString()} and
   *     logs, their getters return what the server sent
   */
  public SecretsApi secrets() {
    return api(SecretsApi.class);
  }

  /** @return the organization members operations ({@code listMembers}) */
  public MembersApi members() {
    return api(MembersApi.class);
  }

  /** @return the regions operations ({@code listRegions}) */
  public RegionsApi regions() {
    return api(RegionsApi.class);
  }

  /** @return the health operation ({@code getHealth}), which the spec leaves public: it is sent without a token */
  public HealthApi health() {
    return api(HealthApi.class);
  }

  /** Any generated (or hand-written Feign-annotated) interface, planned on first use. */
  <T> T api(Class<T> type) {
    return type.cast(apis.computeIfAbsent(type, t -> Dispatcher.proxy(t,
        plans.computeIfAbsent(t, api -> Operation.plan(api, settings.baseUrl)), pipeline, http, options)));
  }

  /**
   * A view of this client whose calls carry these options (on top of this view's own), sharing its connection
   * pool and everything else; cheap, but keep it if you call it often.
   *
   * @param options e.g. {@code RequestOptions.timeout(Duration.ofSeconds(5))} or
   *     {@code RequestOptions.header("X-Org-Name", "acme")}
   * @return the view
   */
  public SpiceCloudClient withOptions(RequestOptions options) {
    RequestOptions merged = this.options.with(Objects.requireNonNull(options, "options"));
    Duration timeout = options.timeoutOrNull();
    if (timeout == null || timeout.toMillis() <= Math.min(http.callTimeoutMillis(), http.readTimeoutMillis())) {
      return new SpiceCloudClient(this, settings, http, merged);
    }
    // A longer timeout than the attempt and read timeouts is what the caller asks for: raise them to it.
    Duration read = max(settings.readTimeout, timeout);
    return new SpiceCloudClient(this, settings, Transport.configure(http, settings.connectTimeout, read,
        max(settings.callTimeout, timeout)), merged);
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
    return withTimeouts(connect, read, max(settings.callTimeout, connect.plus(read)));
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
    return new SpiceCloudClient(this, b, Transport.configure(http, connect, read, call), options);
  }

  /** @return a builder preset with this client's settings (the built client gets its own pool) */
  public Builder toBuilder() {
    return settings.copy();
  }

  /** For tests in this package: the OkHttp client, to inspect its connection pool. */
  OkHttpClient httpClient() {
    return http;
  }

  @Override
  public String toString() {
    return "SpiceCloudClient{baseUrl=" + settings.baseUrl + ", logLevel=" + settings.logLevel + "}";
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Settings of a {@link SpiceCloudClient}. Not thread-safe; {@link #build()} copies it. */
  public static final class Builder {

    private String baseUrl = DEFAULT_BASE_URL;
    private Supplier<String> tokenSupplier;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private Duration timeout = Duration.ofMinutes(2);
    private OkHttpClient httpClient;
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
     * call timeout (within the whole call's {@link #timeout(Duration)}), so a GET ends within
     * {@code (maxRetries + 1) x callTimeout} plus the backoffs between attempts; a regeneration, sent once,
     * ends within one {@code callTimeout}. Expiry surfaces as
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
     * The most one call may take, every attempt and every wait between attempts included: no attempt starts,
     * and no backoff is slept, that would end after it, and the last attempt gets only what is left of it.
     * {@link RequestOptions#timeout(Duration)} sets it for the calls of one view.
     *
     * @param timeout default 2 minutes
     * @return this
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The OkHttp client to send with, for its proxy, TLS settings, interceptors, event listener, dispatcher or
     * connection pool. The client's safety settings are put on top of a copy of it: the connect, read and call
     * timeouts of this builder, no automatic re-sends ({@code retryOnConnectionFailure(false)}), no redirects,
     * no {@code Authenticator} (the token supplier is the one source of {@code Authorization}), and the
     * client's follow-up guard as the innermost network interceptor. Your network interceptors see a 407, a
     * 421 or a 503 carrying {@code Retry-After} as an {@link java.io.IOException} (the guard hands those to the
     * client past OkHttp); the call still ends with the typed error.
     *
     * @param httpClient yours; it is not changed
     * @return this
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * @param maxRetries retries of a read (GET, HEAD, PUT, DELETE, OPTIONS) after the first attempt, default 3;
     *     0 disables retries. POST and PATCH are never retried.
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
      return new SpiceCloudClient(this);
    }

    void validate() {
      if (tokenSupplier == null) {
        throw new IllegalStateException("Set bearerToken(...) or tokenSupplier(...)");
      }
      requirePositive(connectTimeout, "connectTimeout");
      requirePositive(readTimeout, "readTimeout");
      requirePositive(callTimeout, "callTimeout");
      requirePositive(timeout, "timeout");
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
      b.timeout = timeout;
      b.httpClient = httpClient;
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
