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

  /** @return a builder with the defaults; a token or token supplier must be set */
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
   * @return the API keys operations, the same instance every time; {@code regenerateApiKey(appId, null)}
   *     sends no body, so the server's default (the primary key) applies
   */
  public ApiKeysApi apiKeys() {
    return api(ApiKeysApi.class);
  }

  /** @return the apps operations ({@code listApps}) */
  public AppsApi apps() {
    return api(AppsApi.class);
  }

  /** @return the secrets operations ({@code listSecrets}); values are masked in toString() and logs */
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

  /** @return the health operation ({@code getHealth}), public in the spec: sent without a token */
  public HealthApi health() {
    return api(HealthApi.class);
  }

  /** Any Feign-annotated interface: planned on first use, a proxy hands each call to the pipeline. */
  <T> T api(Class<T> type) {
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
   * @param options e.g. {@code RequestOptions.timeout(Duration.ofSeconds(5))} or
   *     {@code RequestOptions.header("X-Org-Name", "acme")}, on top of this view's own
   * @return a view of this client whose calls carry them, sharing its pool; cheap, but keep it for reuse
   */
  public SpiceCloudClient withOptions(RequestOptions options) {
    RequestOptions merged = this.options.with(Objects.requireNonNull(options, "options"));
    Duration timeout = options.timeout; // one longer than the call or read timeout raises them to it
    long shorter = Math.min(http.callTimeoutMillis(), http.readTimeoutMillis());
    return new SpiceCloudClient(pipeline, plans, settings, timeout == null || timeout.toMillis() <= shorter ? http
        : Transport.configure(http,
        settings.connectTimeout, max(settings.readTimeout, timeout), max(settings.callTimeout, timeout)), merged);
  }

  /** @return a view with these connect and read timeouts, its call timeout raised to their sum if longer */
  public SpiceCloudClient withTimeouts(Duration connect, Duration read) {
    return withTimeouts(connect, read, max(settings.callTimeout, connect.plus(read)));
  }

  /** @return a view with these connect, read and call timeouts (see {@link Builder}), sharing the pool */
  public SpiceCloudClient withTimeouts(Duration connect, Duration read, Duration call) {
    Builder b = settings.copy().connectTimeout(connect).readTimeout(read).callTimeout(call);
    b.validate();
    return new SpiceCloudClient(pipeline, plans, b, Transport.configure(http, connect, read, call), options);
  }

  /** @return a builder preset with this client's settings */
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

    /** The server, default {@value SpiceCloudClient#DEFAULT_BASE_URL}; a path prefix is kept. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** A fixed bearer token: a personal access token or a CLI session token (replaces other credentials). */
    public Builder bearerToken(String token) {
      Objects.requireNonNull(token, "token");
      return tokenProvider(() -> token);
    }

    /** Asked for the bearer token on every attempt, e.g. your own token cache; thread-safe. */
    public Builder tokenSupplier(Supplier<String> tokenSupplier) {
      Objects.requireNonNull(tokenSupplier, "tokenSupplier");
      return tokenProvider(tokenSupplier::get);
    }

    /** Asked for the token on every attempt and told when the API refused one (401); thread-safe. */
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
     */
    public Builder clientCredentials(String clientId, String clientSecret) {
      this.credentials = ClientCredentials.builder(clientId, clientSecret); // validates both now
      this.tokens = null;
      return this;
    }

    /** The OAuth token endpoint for {@link #clientCredentials}; {@code https} unless on loopback. */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
      return this;
    }

    /**
     * The organization to act for, sent as {@code X-Org-Name} on every call (letters, digits, {@code .},
     * {@code -}, {@code _}); machine credentials are pinned to their own, another one is refused with 403.
     */
    public Builder organization(String organization) {
      this.organization = Organizations.check(organization);
      return this;
    }

    /** Bounds each connection attempt, default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /** Bounds each silence while writing, waiting or reading, default 30 s. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
      return this;
    }

    /**
     * The most one attempt may take end to end, connect to last body byte, default 60 s: it also ends an
     * answer that trickles in. A read is retried after it only if the response head had not arrived.
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
      return this;
    }

    /**
     * The most one call may take, every attempt and backoff included, default 2 minutes: no retry starts
     * whose wait would end after it, and an attempt gets at most what is left ({@link RequestOptions#timeout}).
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
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Retries of a read after its first attempt, default 3, at most 10; POST and PATCH never are. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** The first backoff, default 500 ms, doubling per retry, with jitter. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
      return this;
    }

    /** The longest computed backoff, default 8 s. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
      return this;
    }

    /** The longest {@code Retry-After} honoured, default 30 s; a longer or invalid one gets the backoff. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** Default {@link LogLevel#NONE}; secrets are masked at every level. */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel");
      return this;
    }

    /** Allows {@code http://} to a non-loopback host, sending the token in clear text; default false. */
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

    /** How to wait between retries (tests record instead of waiting). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The time an HTTP-date {@code Retry-After} is measured from. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @return a new client; throws if no credentials are set, a setting is invalid or http:// goes off loopback */
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
