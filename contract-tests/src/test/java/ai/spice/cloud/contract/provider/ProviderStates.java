package ai.spice.cloud.contract.provider;

import ai.spice.cloud.testing.Fault;
import ai.spice.cloud.testing.Operation;
import ai.spice.cloud.testing.SpiceCloudFake;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider states the consumer pacts name, each set up through the fake's own seeding API. A state must
 * match one sentence here in full; any other state fails the verification (a new consumer interaction needs its
 * state added here, not ignored).
 *
 * <p>Every interaction starts from a fresh fake in which the token the interaction presents is registered with
 * scope {@code *} in the default organization; states may take scopes away or unregister it.
 */
final class ProviderStates {
  /** The world an interaction's states build, applied to the fake once all states ran. */
  static final class World {
    final SpiceCloudFake fake;
    final Set<String> tokenScopes = new LinkedHashSet<>(Set.of("*"));
    boolean tokenValid = true;

    World(SpiceCloudFake fake) {
      this.fake = fake;
    }
  }

  private interface Setup {
    void apply(World world, Matcher m);
  }

  private record State(Pattern sentence, Setup setup) {}

  private static final List<String> SCOPES_BUT_STAR = List.of("apps:read", "apps:write", "apps:delete",
      "deployments:read", "deployments:write", "secrets:read", "secrets:write", "config:read", "config:write",
      "members:read", "members:write", "members:delete");

  private static final List<State> STATES = List.of(
      state("app (\\d+) exists", (w, m) -> w.fake.app(id(m))),
      state("app (\\d+) exists and has a primary and a secondary API key",
          (w, m) -> w.fake.app(id(m)).apiKeys("primary-" + m.group(1), "secondary-" + m.group(1))),
      state("app (\\d+) exists and has a primary API key but no secondary key",
          (w, m) -> w.fake.app(id(m)).apiKeys("primary-" + m.group(1), null)),
      state("app (\\d+) exists and the token lacks the ([a-z]+:[a-z]+) scope", (w, m) -> {
        w.fake.app(id(m));
        lack(w, m.group(2));
      }),
      state("app (\\d+) exists and the control plane fails internally", (w, m) -> {
        w.fake.app(id(m));
        for (Operation op : Operation.values()) {
          w.fake.failNext(op, Fault.internalServerError());
        }
      }),
      state("app (\\d+) exists and has a secret named ([A-Za-z0-9_]+)",
          (w, m) -> w.fake.app(id(m)).secret(m.group(2), "s3cret-value")),
      state("no app (\\d+) exists", (w, m) -> w.fake.organization().removeApp(id(m))),
      state("no app has a negative id", (w, m) -> { }),
      state("the bearer token is expired or invalid", (w, m) -> w.tokenValid = false),
      state("the token lacks the ([a-z]+:[a-z]+) scope", (w, m) -> lack(w, m.group(1))),
      state("the token has no scopes", (w, m) -> w.tokenScopes.clear()),
      state("the organization has app (\\d+) named ([a-z0-9-]+) with a description",
          (w, m) -> w.fake.app(id(m)).name(m.group(2)).description("The " + m.group(2) + " app")),
      state("the organization has an owner",
          (w, m) -> w.fake.organization().member(1001, "ada").roles("owner").owner(true)),
      state("the control plane offers region ([a-z0-9-]+) by default",
          (w, m) -> w.fake.region(m.group(1)).makeDefault()),
      state("the control plane is healthy", (w, m) -> { }));

  private ProviderStates() {}

  private static State state(String sentence, Setup setup) {
    return new State(Pattern.compile(sentence), setup);
  }

  private static long id(Matcher m) {
    return Long.parseLong(m.group(1));
  }

  /** The token keeps every scope that does not grant this one (a write scope grants its read scope). */
  private static void lack(World w, String scope) {
    if (!SCOPES_BUT_STAR.contains(scope)) {
      throw new AssertionError("provider state names an unknown scope: " + scope);
    }
    w.tokenScopes.clear();
    String write = scope.endsWith(":read") ? scope.substring(0, scope.length() - 5) + ":write" : null;
    SCOPES_BUT_STAR.stream().filter(s -> !s.equals(scope) && !s.equals(write)).forEach(w.tokenScopes::add);
  }

  /**
   * Builds the interaction's world in the fake.
   *
   * @param token the bearer token the interaction presents, or null
   * @throws AssertionError for a state no sentence here matches
   */
  static void setUp(SpiceCloudFake fake, String token, List<String> states) {
    World world = new World(fake);
    for (String s : states) {
      State known = STATES.stream().filter(st -> st.sentence().matcher(s).matches()).findFirst()
          .orElseThrow(() -> new AssertionError("unknown provider state '" + s + "': add it to "
              + ProviderStates.class.getName() + " (known: " + sentences() + ")"));
      Matcher m = known.sentence().matcher(s);
      m.matches();
      known.setup().apply(world, m);
    }
    if (token != null && world.tokenValid) {
      fake.token(token, world.tokenScopes.toArray(String[]::new));
    }
  }

  static List<String> sentences() {
    return STATES.stream().map(s -> s.sentence().pattern()).toList();
  }
}
