package ai.spice.cloud.client;

import ai.spice.cloud.client.api.ApiKeysApi;
import ai.spice.cloud.client.api.AppsApi;
import ai.spice.cloud.client.api.HealthApi;
import ai.spice.cloud.client.api.MembersApi;
import ai.spice.cloud.client.api.RegionsApi;
import ai.spice.cloud.client.api.SecretsApi;
import ai.spice.cloud.client.auth.ClientCredentials;
import ai.spice.cloud.client.auth.EnvironmentConfig;
import ai.spice.cloud.client.auth.Hosts;
import ai.spice.cloud.client.auth.Organizations;
import ai.spice.cloud.client.auth.TokenProvider;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Spice Cloud Control-Plane API client: per group of operations its generated interface, implemented by
 * the client's call pipeline on OkHttp, e.g. {@code client.apiKeys().getApiKeys(42L)}. Reads are retried on
 * transient failures; <b>a POST or PATCH, such as {@code regenerateApiKey}, is never re-sent</b>, by the client
 * or by OkHttp. Failures are typed {@link ai.spice.cloud.client.errors.SpiceCloudException}s; tokens, keys and
 * secret values never show in logs, messages or {@code toString()}; public operations get no token. Immutable
 * and thread-safe: share one; views from {@link #withOptions} and {@link #withTimeouts} share its pool.
 *
 * <pre>{@code
 * SpiceCloudClient client = SpiceCloudClient.fromEnv();          // or SpiceCloudClient.builder()...build()
 * ApiKeys keys = client.apiKeys().getApiKeys(42L);
 * try {
 *   client.apiKeys().regenerateApiKey(42L, null);                // no body: the primary key
 * } catch (SpiceCloudIoException e) {                             // it may or may not have happened:
 *   keys = client.apiKeys().getApiKeys(42L);                      // look before regenerating again
 * }
 * }</pre>
 *
 * <p>Every call throws a {@link ai.spice.cloud.client.errors.SpiceCloudException} subclass on failure: a
 * {@link ai.spice.cloud.client.errors.SpiceCloudServiceException} per non-2xx status,
 * {@link ai.spice.cloud.client.errors.SpiceCloudIoException} or
 * {@link ai.spice.cloud.client.errors.SpiceCloudTimeoutException} when the network fails,
 * {@link ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException} for a body that is not the documented
 * JSON, and {@link ai.spice.cloud.client.errors.TokenExchangeException} when client credentials cannot be
 * exchanged.
 */
public final class SpiceCloudClient {

  /** The spec's server. */
  public static final String DEFAULT_BASE_URL = "https://api.spice.ai";
  /** A variable {@link #fromEnv()} reads the bearer token from; {@link EnvironmentConfig} lists them all. */
  public static final String ENV_TOKEN = EnvironmentConfig.TOKEN;
  /** The variable {@link #fromEnv()} reads the base URL from (optional). */
  public static final String ENV_BASE_URL = EnvironmentConfig.BASE_URL;
  private static final Object[] NO_ARGS = {};

  private final Pipeline pipeline;
  private final ConcurrentMap<Class<?>, Map<Method, Operation>> plans;
  private final Builder settings;
  private final OkHttpClient http;
  private final RequestOptions options;
  private final ConcurrentMap<Class<?>, Object> apis = new ConcurrentHashMap<>();

  private SpiceCloudClient(Builder settings) {
    this(new Pipeline(settings), new ConcurrentHashMap<>(), settings, Transport.configure(settings.httpClient,
        settings.connectTimeout, settings.readTimeout, settings.callTimeout),
        settings.organization == null ? RequestOptions.NONE
            : RequestOptions.header(Organizations.HEADER, settings.organization));
  }

  /** A view shares the pipeline, the plans and the connection pool. */
  private SpiceCloudClient(Pipeline pipeline, ConcurrentMap<Class<?>, Map<Method, Operation>> plans,
      Builder settings, OkHttpClient http, RequestOptions options) {
    this.pipeline = pipeline;
    this.plans = plans;
    this.settings = settings;
    this.http = http;
    this.options = options;
  }

  /**
   * Starts a client with the defaults; credentials must be set before {@link Builder#build()}.
   *
   * <pre>{@code
   * SpiceCloudClient client = SpiceCloudClient.builder()
   *     .clientCredentials(clientId, clientSecret)
   *     .readTimeout(Duration.ofSeconds(20))
   *     .build();
   * }</pre>
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the environment, in this order: a bearer token ({@code SPICE_CLOUD_TOKEN}, else
   * the personal access token {@code SPICE_CLOUD_PAT}), else OAuth client credentials
   * ({@code SPICE_CLOUD_CLIENT_ID} and {@code SPICE_CLOUD_CLIENT_SECRET}); and {@code SPICE_CLOUD_BASE_URL},
   * {@code SPICE_CLOUD_TOKEN_URL}, {@code SPICE_CLOUD_ORG}. A Java system property of the same name in
   * lower-case dotted form ({@code spice.cloud.client.id}) wins over the variable. See {@link EnvironmentConfig}.
   *
   * @return the client
   * @throws IllegalStateException naming the variable (never its value) when no credentials are set, only half
   *     of the client credentials are, or a variable is set but empty
   */
  public static SpiceCloudClient fromEnv() {
    return fromEnv(System::getenv, System::getProperty);
  }

  static SpiceCloudClient fromEnv(Function<String, String> environment, Function<String, String> properties) {
    EnvironmentConfig.Settings env = EnvironmentConfig.read(environment, properties);
    Builder b = builder();
    env.baseUrl().ifPresent(b::baseUrl);
    env.bearerToken().ifPresent(b::bearerToken);
    env.clientId().ifPresent(id -> b.clientCredentials(id, env.clientSecret().orElseThrow()));
    env.tokenUrl().ifPresent(b::tokenUrl);
    env.organization().ifPresent(b::organization);
    return b.build();
  }

  /**
   * The API keys operations: {@code getApiKeys(appId)} (scope {@code apps:read}) and
   * {@code regenerateApiKey(appId, request)} (scope {@code apps:write}; never re-sent, see the class comment).
   *
   * @return the API keys operations, the same instance every time; {@code regenerateApiKey(appId, null)}
   *     sends no body, so the server's default (the primary key) applies
   */
  public ApiKeysApi apiKeys() {
    return api(ApiKeysApi.class);
  }

  /**
   * The apps operations: {@code listApps()}, the organization's apps (scope {@code apps:read}).
   *
   * @return the apps operations, the same instance every time
   */
  public AppsApi apps() {
    return api(AppsApi.class);
  }

  /**
   * The secrets operations: {@code listSecrets(appId)}, the app's secrets (scope {@code secrets:read}), values
   * masked by the API and in {@code toString()} and logs.
   *
   * @return the secrets operations, the same instance every time
   */
  public SecretsApi secrets() {
    return api(SecretsApi.class);
  }

  /**
   * The members operations: {@code listMembers()}, the organization's members and their roles (scope
   * {@code members:read}).
   *
   * @return the members operations, the same instance every time
   */
  public MembersApi members() {
    return api(MembersApi.class);
  }

  /**
   * The regions operations: {@code listRegions()}, the deployment regions and the default one (any valid
   * token).
   *
   * @return the regions operations, the same instance every time
   */
  public RegionsApi regions() {
    return api(RegionsApi.class);
  }

  /**
   * The health operation: {@code getHealth()}, public in the spec, so sent without a token.
   *
   * @return the health operation, the same instance every time
   */
  public HealthApi health() {
    return api(HealthApi.class);
  }

  /**
   * Any generated API interface, also one this version has no accessor for: an operation upstream adds under a
   * new tag (or none, in {@code DefaultApi}) is callable as soon as the client is regenerated, e.g.
   * {@code client.api(DefaultApi.class)}. Planned on first use; a proxy hands each call to the pipeline.
   *
   * @param <T> the interface
   * @param type a generated interface of package {@code ai.spice.cloud.client.api}
   * @return its operations on this client, the same instance every time
   * @throws IllegalArgumentException if {@code type} is not an interface
   * @throws IllegalStateException if a method of {@code type} is not an HTTP operation Feign's contract can read
   */
  public <T> T api(Class<T> type) {
    if (!type.isInterface()) {
      throw new IllegalArgumentException(type.getName() + " is not an interface");
    }
    return type.cast(apis.computeIfAbsent(type, t -> {
      Map<Method, Operation> operations = plans.computeIfAbsent(t, api -> Operation.plan(api, settings.baseUrl));
      return Proxy.newProxyInstance(t.getClassLoader(), new Class<?>[] {t}, (proxy, method, args) -> {
        Operation operation = operations.get(method);
        if (operation != null) {
          return pipeline.call(operation, args == null ? NO_ARGS : args, http, options);
        } else if (method.isDefault()) {
          return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return switch (method.getName()) { // Object's methods
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> t.getSimpleName() + " " + options;
        };
      });
    }));
  }

  /**
   * A view of this client whose calls carry a timeout and extra headers, without building another client:
   * {@code client.withOptions(RequestOptions.header("X-Org-Name", "acme")).apps().listApps()}.
   *
   * @param options e.g. {@code RequestOptions.timeout(Duration.ofSeconds(5))} or
   *     {@code RequestOptions.header("X-Org-Name", "acme")}, on top of this view's own
   * @return a view of this client whose calls carry them, sharing its pool; cheap, but keep it for reuse
   * @throws NullPointerException if {@code options} is null
   */
  public SpiceCloudClient withOptions(RequestOptions options) {
    RequestOptions merged = this.options.with(Objects.requireNonNull(options, "options"));
    Duration timeout = options.timeout; // one longer than the call or read timeout raises them to it
    long shorter = Math.min(http.callTimeoutMillis(), http.readTimeoutMillis());
    return new SpiceCloudClient(pipeline, plans, settings, timeout == null || timeout.toMillis() <= shorter ? http
        : Transport.configure(http,
        settings.connectTimeout, max(settings.readTimeout, timeout), max(settings.callTimeout, timeout)), merged);
  }

  /**
   * A view of this client with other transport timeouts (see {@link Builder#connectTimeout},
   * {@link Builder#readTimeout}), sharing its pool.
   *
   * @param connect bounds each connection attempt
   * @param read bounds each silence while writing, waiting or reading
   * @return a view with these connect and read timeouts, its call timeout raised to their sum if longer
   * @throws IllegalArgumentException if a timeout is not positive
   * @throws NullPointerException if a timeout is null
   */
  public SpiceCloudClient withTimeouts(Duration connect, Duration read) {
    return withTimeouts(connect, read, max(settings.callTimeout, connect.plus(read)));
  }

  /**
   * A view of this client with other transport timeouts (see {@link Builder#connectTimeout},
   * {@link Builder#readTimeout}, {@link Builder#callTimeout}), sharing its pool.
   *
   * @param connect bounds each connection attempt
   * @param read bounds each silence while writing, waiting or reading
   * @param call bounds one whole attempt
   * @return a view with these connect, read and call timeouts, sharing the pool
   * @throws IllegalArgumentException if a timeout is not positive
   * @throws NullPointerException if a timeout is null
   */
  public SpiceCloudClient withTimeouts(Duration connect, Duration read, Duration call) {
    Builder b = settings.copy().connectTimeout(connect).readTimeout(read).callTimeout(call);
    b.validate();
    return new SpiceCloudClient(pipeline, plans, b, Transport.configure(http, connect, read, call), options);
  }

  /**
   * A builder preset with this client's settings, its credentials included (with client credentials, the same
   * token cache); a client built from it shares this one's OkHttp client and so its connection pool.
   *
   * @return a builder preset with this client's settings
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  /** For tests in this package: the OkHttp client, to inspect its connection pool. */
  OkHttpClient httpClient() {
    return http;
  }

  @Override
  public String toString() {
    return "SpiceCloudClient{baseUrl=" + settings.baseUrl + (settings.organization == null ? ""
        : ", organization=" + settings.organization) + ", logLevel=" + settings.logLevel + "}";
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Settings of a {@link SpiceCloudClient}. Not thread-safe; {@link #build()} copies it, and the pipeline's
   * stages read their settings from that copy (so the fields are package-private).
   */
  public static final class Builder implements Cloneable {

    String baseUrl = DEFAULT_BASE_URL;
    TokenProvider tokens;
    private ClientCredentials.Builder credentials; // completed by build(), where the pool and base URL are known
    private String tokenUrl;
    String organization;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration readTimeout = Duration.ofSeconds(30);
    Duration callTimeout = Duration.ofSeconds(60);
    Duration timeout = Duration.ofMinutes(2);
    OkHttpClient httpClient;
    int maxRetries = 3;
    Duration initialBackoff = Duration.ofMillis(500);
    Duration maxBackoff = Duration.ofSeconds(8);
    Duration maxRetryAfter = Duration.ofSeconds(30);
    LogLevel logLevel = LogLevel.NONE;
    boolean allowInsecureHttp;
    boolean strictDecoding;
    Sleeper sleeper = Sleeper.SYSTEM;
    Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The server, default {@value SpiceCloudClient#DEFAULT_BASE_URL}; a path prefix is kept.
     *
     * @param baseUrl an absolute {@code https} URL ({@code http} only to loopback unless
     *     {@link #allowInsecureHttp(boolean)})
     * @return this builder
     * @throws NullPointerException if it is null; an invalid URL fails {@link #build()}
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * A fixed bearer token: a personal access token or a CLI session token (replaces other credentials).
     *
     * @param token the token, sent as {@code Authorization: Bearer <token>}; never logged
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder bearerToken(String token) {
      Objects.requireNonNull(token, "token");
      return tokenProvider(() -> token);
    }

    /**
     * Asked for the bearer token on every attempt, e.g. your own token cache; thread-safe.
     *
     * @param tokenSupplier e.g. {@code tokens::currentAccessToken}
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder tokenSupplier(Supplier<String> tokenSupplier) {
      Objects.requireNonNull(tokenSupplier, "tokenSupplier");
      return tokenProvider(tokenSupplier::get);
    }

    /**
     * Asked for the token on every attempt and told when the API refused one (401); thread-safe.
     *
     * @param tokens the provider (replaces other credentials)
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder tokenProvider(TokenProvider tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      this.credentials = null;
      return this;
    }

    /**
     * OAuth client credentials of a machine user, exchanged for access tokens that are cached, refreshed before
     * they expire and fetched once for all concurrent callers ({@link ClientCredentials}). The token endpoint is
     * derived from the base URL ({@code https://api.spice.ai} gives {@code https://spice.ai/api/oauth/token})
     * unless {@link #tokenUrl(String)} sets it. Replaces other credentials.
     *
     * @param clientId the machine user's client id
     * @param clientSecret its secret; never logged nor shown in messages
     * @return this builder
     * @throws IllegalArgumentException if either is null or blank
     */
    public Builder clientCredentials(String clientId, String clientSecret) {
      this.credentials = ClientCredentials.builder(clientId, clientSecret); // validates both now
      this.tokens = null;
      return this;
    }

    /**
     * The OAuth token endpoint for {@link #clientCredentials}; {@code https} unless on loopback.
     *
     * @param tokenUrl e.g. {@code https://spice.ai/api/oauth/token}
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
      return this;
    }

    /**
     * The organization to act for, sent as {@code X-Org-Name} on every call (letters, digits, {@code .},
     * {@code -}, {@code _}); machine credentials are pinned to their own, another one is refused with 403.
     *
     * @param organization the organization's name
     * @return this builder
     * @throws IllegalArgumentException if it is not 1 to 128 of those characters
     */
    public Builder organization(String organization) {
      this.organization = Organizations.check(organization);
      return this;
    }

    /**
     * Bounds each connection attempt, default 10 s.
     *
     * @param connectTimeout the timeout
     * @return this builder
     * @throws NullPointerException if it is null; a value that is not positive fails {@link #build()}
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Bounds each silence while writing, waiting or reading, default 30 s.
     *
     * @param readTimeout the timeout
     * @return this builder
     * @throws NullPointerException if it is null; a value that is not positive fails {@link #build()}
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
      return this;
    }

    /**
     * The most one attempt may take end to end, connect to last body byte, default 60 s: it also ends an
     * answer that trickles in. A read is retried after it only if the response head had not arrived.
     *
     * @param callTimeout the timeout
     * @return this builder
     * @throws NullPointerException if it is null; a value that is not positive fails {@link #build()}
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
      return this;
    }

    /**
     * The most one call may take, every attempt and backoff included, default 2 minutes: no retry starts
     * whose wait would end after it, and an attempt gets at most what is left ({@link RequestOptions#timeout}).
     *
     * @param timeout the timeout
     * @return this builder
     * @throws NullPointerException if it is null; a value that is not positive fails {@link #build()}
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Your OkHttp client (proxy, TLS, interceptors, event listener, pool), left unchanged: the client sends with
     * a copy carrying its safety settings on top (this builder's timeouts, no automatic re-sends, no redirects,
     * no {@code Authenticator}, its follow-up guard as innermost network interceptor; your network interceptors
     * see a 407, 421 or 503 with {@code Retry-After} as an {@link java.io.IOException}, see {@code Transport}).
     *
     * @param httpClient your client; its pool is shared with it
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Retries of a read after its first attempt, default 3, at most 10; POST and PATCH never are.
     *
     * @param maxRetries 0 to 10; another value fails {@link #build()}
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The first backoff, default 500 ms, doubling per retry, with jitter.
     *
     * @param initialBackoff the first wait
     * @return this builder
     * @throws NullPointerException if it is null; a value that is not positive fails {@link #build()}
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * The longest computed backoff, default 8 s.
     *
     * @param maxBackoff the longest wait
     * @return this builder
     * @throws NullPointerException if it is null; a value that is not positive fails {@link #build()}
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * The longest {@code Retry-After} honoured, default 30 s; a longer or invalid one gets the backoff.
     *
     * @param maxRetryAfter the longest wait a server may ask for
     * @return this builder
     * @throws NullPointerException if it is null; a negative value fails {@link #build()}
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Default {@link LogLevel#NONE}; secrets are masked at every level.
     *
     * @param logLevel how much of each exchange to log to the SLF4J logger {@code ai.spice.cloud.client} at DEBUG
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel");
      return this;
    }

    /**
     * Allows {@code http://} to a non-loopback host, sending the token in clear text; default false.
     *
     * @param allowInsecureHttp true to allow it
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * Whether a response with a malformed value in any field fails the call, default false. By default the call
     * returns the model and only that field's getter throws; {@code SpiceCloudModel.validate()} checks a model
     * afterwards.
     *
     * @param strictDecoding true to fail the call with a
     *     {@link ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException} naming the first such field
     * @return this builder
     */
    public Builder strictDecoding(boolean strictDecoding) {
      this.strictDecoding = strictDecoding;
      return this;
    }

    /**
     * How to wait between retries (tests record instead of waiting).
     *
     * @param sleeper the waiting strategy, default {@link Sleeper#SYSTEM}
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The time an HTTP-date {@code Retry-After} is measured from.
     *
     * @param clock the clock, default UTC system time
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the client; this builder stays usable.
     *
     * @return a new client
     * @throws IllegalStateException if no credentials are set
     * @throws IllegalArgumentException if a setting is invalid (a timeout or backoff not positive, more than 10
     *     retries, a base or token URL that is not absolute http(s), or {@code http://} off loopback without
     *     {@link #allowInsecureHttp(boolean)})
     */
    public SpiceCloudClient build() {
      validate();
      Builder settings = copy();
      // One pool for the API and the token endpoint.
      settings.httpClient = httpClient == null ? new OkHttpClient() : httpClient;
      if (credentials != null) {
        settings.tokens = credentials
            .tokenUrl(tokenUrl == null ? ClientCredentials.tokenUrlFor(settings.baseUrl) : tokenUrl)
            .httpClient(settings.httpClient).timeout(callTimeout).clock(clock).sleeper(sleeper)
            .userAgent(Operation.USER_AGENT).build();
        settings.credentials = null; // the built client (and toBuilder()) keeps the provider, its cache included
      }
      return new SpiceCloudClient(settings);
    }

    void validate() {
      if (tokens == null && credentials == null) {
        throw new IllegalStateException("Set credentials: bearerToken(...), clientCredentials(...), "
            + "tokenProvider(...) or tokenSupplier(...)");
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
      try {
        return (Builder) clone(); // every field is immutable or shared on purpose
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }

    static Duration requirePositive(Duration d, String name) {
      if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    private static String checkBaseUrl(String url, boolean allowInsecureHttp) {
      HttpUrl parsed = HttpUrl.parse(url); // the parser the calls use
      if (parsed == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + url);
      }
      if (parsed.query() != null || parsed.fragment() != null || !parsed.username().isEmpty()) {
        throw new IllegalArgumentException("baseUrl must not carry user info, a query or a fragment");
      }
      if (!parsed.isHttps() && !allowInsecureHttp && !Hosts.isLoopback(parsed.host())) {
        throw new IllegalArgumentException("Refusing to send the bearer token in clear text over http:// to "
            + parsed.host() + "; use https://, or allowInsecureHttp(true) if this is intended");
      }
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }
}
