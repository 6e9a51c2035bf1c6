package ai.spice.cloud.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import mockwebserver3.MockWebServer;

/**
 * A stateful fake of the Spice Cloud control plane: an HTTP server on 127.0.0.1 that serves every operation of
 * the merged OpenAPI document (see {@link Operation}) and nothing else.
 *
 * <pre>{@code
 * try (SpiceCloudFake fake = SpiceCloudFake.start()) {
 *   fake.app(42).apiKeys("primary-key", "secondary-key");
 *   SpiceCloudClient client = SpiceCloudClient.builder()
 *       .baseUrl(fake.url()).bearerToken(fake.defaultToken()).build();
 *   client.apiKeys().regenerateApiKey(42L, null);           // regenerates the primary key
 *   assert !fake.isLiveKey(42, "primary-key");              // dead at once
 * }
 * }</pre>
 *
 * <p><b>Its world.</b> Organizations (the default one is {@value State#DEFAULT_ORGANIZATION}) own apps (each with
 * two API keys and secrets) and members; regions are shared. It starts with the default organization, three
 * regions (us-east-2 the default) and {@link #defaultToken()}, a token with scope {@code *}. Seed more in code
 * ({@link #organization(String)}, {@link #app(long)}, {@link #token(String, String...)}, {@link #region(String)})
 * or from a JSON file ({@link #seed(Path)}, format in {@link SeedFile}).
 *
 * <p><b>As the API behaves</b>: a missing or unknown token is 401; a token without the operation's scope 403
 * {@code insufficient_scope} ({@link Operation#requiredScope()}; a write scope implies its read scope, {@code *}
 * everything); an app of another organization 404; an app id that is not a positive integer, or an invalid
 * regeneration body, 400; a body over 1 MiB 413. {@code X-Org-Name} (optional) selects the organization: blank
 * or invalid is 400 {@code invalid_org_assertion}, another organization than a pinned token's own 403
 * {@code org_assertion_mismatch}. Errors carry {@code {"error": ..., "code": ...}} (validation errors add Zod-style
 * {@code details}). Regenerating replaces exactly the chosen key(s) ({@code key_number} 0 both, 1 primary, 2
 * secondary, no body 1) and the old value stops being live at once. Secret values are always asterisks.
 *
 * <p><b>For resilience tests</b>: {@link #failNext(Operation, int, Fault)} arms faults (503 with or without
 * {@code Retry-After}, 429, 500, a delay, a reset connection, a lost response). {@link #requests()} is the journal
 * of calls, secrets masked.
 *
 * <p>Thread-safe: every call and every seeding method holds one lock for the state it touches.
 */
public final class SpiceCloudFake implements AutoCloseable {
  /** Default journal bound: the most recent calls kept by {@link #requests()}. */
  public static final int DEFAULT_JOURNAL_CAPACITY = 10_000;

  private final State state;
  private final Faults faults = new Faults();
  private final Journal journal;
  private final MockWebServer server = new MockWebServer();
  private final String defaultToken;

  private SpiceCloudFake(Builder b) throws IOException {
    this.state = new State(b.clock);
    this.journal = new Journal(b.journalCapacity);
    this.defaultToken = b.defaultToken != null ? b.defaultToken : randomToken();
    state.organization(State.DEFAULT_ORGANIZATION);
    region("us-east-2").name("US East (Ohio)").provider("aws").makeDefault();
    region("us-west-2").name("US West (Oregon)").provider("aws");
    region("eastus").name("East US").provider("azure");
    token(defaultToken, "*");

    List<CallListener> listeners = new ArrayList<>(b.listeners);
    ServiceLoader.load(CallListener.class).forEach(listeners::add);
    FakeDispatcher dispatcher = new FakeDispatcher(state, faults, journal, listeners);
    dispatcher.attach(server);
    server.setDispatcher(dispatcher);
    // Bodies beyond the limit are counted (for 413) but not kept.
    server.setBodyLimit(FakeDispatcher.MAX_BODY_BYTES + 1);
    for (Path seed : b.seeds) {
      seed(seed);
    }
    server.start(InetAddress.getByName("127.0.0.1"), b.port);
  }

  /** @return a fake on an ephemeral port of 127.0.0.1, started */
  public static SpiceCloudFake start() {
    return builder().start();
  }

  /**
   * Starts configuring a fake (port, clock, journal, listeners, seeds).
   *
   * @return a builder; {@link Builder#start()} starts the fake
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the base URL, {@code http://127.0.0.1:<port>}, to give to the client */
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** @return the port on 127.0.0.1 the fake listens on */
  public int port() {
    return server.getPort();
  }

  /** @return a token with scope {@code *} in the default organization, registered from the start */
  public String defaultToken() {
    return defaultToken;
  }

  // ---- seeding ----------------------------------------------------------------------------------------------

  /** @return the default organization, {@value State#DEFAULT_ORGANIZATION} */
  public OrganizationSeed organization() {
    return organization(State.DEFAULT_ORGANIZATION);
  }

  /**
   * @param name the organization name
   * @return the organization with this name, created if absent
   */
  public OrganizationSeed organization(String name) {
    synchronized (state) {
      state.organization(name);
    }
    return new OrganizationSeed(state, name);
  }

  /**
   * @param appId the app id, positive
   * @return the app with this id in the default organization, created if absent
   * @throws IllegalArgumentException if the id is not positive or names an app of another organization
   */
  public AppSeed app(long appId) {
    return organization().app(appId);
  }

  /**
   * Registers a bearer token (or adds scopes to a registered one), in the default organization unless
   * {@link TokenSeed#organization(String)} says otherwise.
   *
   * @param value the token, as the client sends it
   * @param scopes its scopes, e.g. {@code apps:read}, or {@code *}
   * @return the token, to seed further
   * @throws IllegalArgumentException if the value is blank or has whitespace, or a scope is unknown
   */
  public TokenSeed token(String value, String... scopes) {
    if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("a token is a non-empty string without whitespace");
    }
    synchronized (state) {
      state.tokens.computeIfAbsent(value, State.Token::new);
    }
    return new TokenSeed(state, value).scopes(scopes);
  }

  /**
   * Forgets a token: from now on it is answered 401, as an expired or revoked one.
   *
   * @param value the token
   * @return this fake, for chaining
   */
  public SpiceCloudFake revokeToken(String value) {
    synchronized (state) {
      state.tokens.remove(value);
    }
    return this;
  }

  /**
   * @param region the region identifier, e.g. {@code us-east-2}
   * @return the region with this identifier, added if absent
   * @throws NullPointerException if it is null
   */
  public RegionSeed region(String region) {
    Objects.requireNonNull(region, "region");
    synchronized (state) {
      if (state.regions.stream().noneMatch(r -> r.region.equals(region))) {
        state.regions.add(new State.Region(region));
      }
    }
    return new RegionSeed(state, region);
  }

  /**
   * Removes every region (then add your own with {@link #region(String)}).
   *
   * @return this fake, for chaining
   */
  public SpiceCloudFake clearRegions() {
    synchronized (state) {
      state.regions.clear();
    }
    return this;
  }

  /**
   * Applies a JSON seed file (format: {@link SeedFile}) on top of the current state.
   *
   * @param json the file
   * @return this fake, for chaining
   * @throws IllegalArgumentException naming the JSON pointer of the first invalid entry
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public SpiceCloudFake seed(Path json) {
    try (InputStream in = Files.newInputStream(json)) {
      return seed(in, json.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read seed " + json, e);
    }
  }

  /**
   * Applies a JSON seed (format: {@link SeedFile}) on top of the current state.
   *
   * @param json the JSON
   * @param source names it in error messages
   * @return this fake, for chaining
   * @throws IllegalArgumentException naming the source and JSON pointer of the first invalid entry
   */
  public SpiceCloudFake seed(InputStream json, String source) {
    SeedFile.apply(this, json, source);
    return this;
  }

  // ---- assertions -------------------------------------------------------------------------------------------

  /**
   * @param appId the app
   * @param key a key value, or null
   * @return whether {@code key} is one of the app's two current API keys, i.e. a runtime would accept it
   */
  public boolean isLiveKey(long appId, String key) {
    if (key == null) {
      return false;
    }
    synchronized (state) {
      State.App app = state.apps.get(appId);
      return app != null && (key.equals(app.apiKey) || key.equals(app.apiKey2));
    }
  }

  /** @return the most recent calls (up to the journal's capacity), oldest first; secrets masked */
  public List<RecordedCall> requests() {
    return journal.snapshot();
  }

  /**
   * @param op the operation
   * @return the journaled calls that matched this operation, oldest first
   */
  public List<RecordedCall> requests(Operation op) {
    return journal.snapshot().stream().filter(c -> c.is(op)).toList();
  }

  /**
   * Forgets the calls journaled so far.
   *
   * @return this fake, for chaining
   */
  public SpiceCloudFake clearJournal() {
    journal.clear();
    return this;
  }

  // ---- faults -----------------------------------------------------------------------------------------------

  /**
   * Arms a fault for the next call to {@code op}: {@code fake.failNext(Operation.LIST_APPS, Fault.tooManyRequests())}.
   *
   * @param op the operation
   * @param fault what its next call gets
   * @return this fake, for chaining
   * @throws NullPointerException if either is null
   */
  public SpiceCloudFake failNext(Operation op, Fault fault) {
    return failNext(op, 1, fault);
  }

  /**
   * Arms a fault for each of the next {@code times} calls to {@code op} (after faults armed before).
   *
   * @param op the operation
   * @param times how many calls, positive
   * @param fault what each of them gets
   * @return this fake, for chaining
   * @throws IllegalArgumentException if {@code times} is not positive
   * @throws NullPointerException if {@code op} or {@code fault} is null
   */
  public SpiceCloudFake failNext(Operation op, int times, Fault fault) {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(fault, "fault");
    if (times < 1) {
      throw new IllegalArgumentException("times must be positive: " + times);
    }
    faults.arm(op, times, fault);
    return this;
  }

  /**
   * @param op the operation
   * @return how many armed faults the next calls to {@code op} will still consume
   */
  public int armedFaults(Operation op) {
    return faults.remaining(op);
  }

  /**
   * Disarms every fault.
   *
   * @return this fake, for chaining
   */
  public SpiceCloudFake clearFaults() {
    faults.clear();
    return this;
  }

  /** Stops the server, closing open connections; the port is released. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "SpiceCloudFake[" + url() + "]";
  }

  private static String randomToken() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return "fake-token-" + HexFormat.of().formatHex(bytes);
  }

  /** Options of a fake; {@link #start()} starts it. */
  public static final class Builder {
    private int port;
    private Clock clock = Clock.systemUTC();
    private int journalCapacity = DEFAULT_JOURNAL_CAPACITY;
    private String defaultToken;
    private final List<CallListener> listeners = new ArrayList<>();
    private final List<Path> seeds = new ArrayList<>();

    private Builder() {}

    /**
     * @param port the port on 127.0.0.1; 0 (the default) for an ephemeral one
     * @return this builder
     * @throws IllegalArgumentException if it is out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * @param clock the clock for timestamps ({@code created_at}, health)
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @param capacity how many recent calls {@link SpiceCloudFake#requests()} keeps, default
     *     {@value SpiceCloudFake#DEFAULT_JOURNAL_CAPACITY}
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder journalCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("journal capacity must be positive: " + capacity);
      }
      this.journalCapacity = capacity;
      return this;
    }

    /**
     * @param token the value of {@link SpiceCloudFake#defaultToken()} instead of a random one
     * @return this builder
     * @throws IllegalArgumentException if it is blank or has whitespace
     */
    public Builder defaultToken(String token) {
      if (token == null || token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("a token is a non-empty string without whitespace");
      }
      this.defaultToken = token;
      return this;
    }

    /**
     * @param listener sees every call the fake answers, besides those registered with {@link java.util.ServiceLoader}
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder listener(CallListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * @param json a seed file applied before the server starts (format: {@link SeedFile})
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder seed(Path json) {
      seeds.add(Objects.requireNonNull(json, "json"));
      return this;
    }

    /**
     * Starts the fake.
     *
     * @return the fake, listening
     * @throws IllegalArgumentException if a seed file is invalid
     * @throws java.io.UncheckedIOException if the port cannot be bound or a seed file cannot be read
     */
    public SpiceCloudFake start() {
      try {
        return new SpiceCloudFake(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the fake on 127.0.0.1:" + port, e);
      }
    }
  }
}
