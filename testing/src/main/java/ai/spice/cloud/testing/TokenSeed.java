package ai.spice.cloud.testing;

/**
 * Seeds one bearer token: its scopes and organization. A token is pinned to its own organization (as machine
 * credentials are): an {@code X-Org-Name} naming another one is refused with 403 {@code org_assertion_mismatch},
 * unless {@link #alsoIn(String...)} lets it act there (as a personal token of a member of several organizations),
 * in which case an organization it is not in gives 403 {@code org_forbidden}.
 */
public final class TokenSeed {
  private final State state;
  private final String value;

  TokenSeed(State state, String value) {
    this.state = state;
    this.value = value;
  }

  /**
   * Adds scopes.
   *
   * @param scopes {@code apps:read|write|delete}, {@code secrets:read|write}, {@code members:read}, ..., or {@code *}
   * @return this seed, for chaining
   * @throws IllegalArgumentException if a scope is not one the API knows
   */
  public TokenSeed scopes(String... scopes) {
    for (String s : scopes) {
      Scopes.require(s);
    }
    return set(t -> t.scopes.addAll(java.util.List.of(scopes)));
  }

  /**
   * Removes every scope: the token still authenticates but may call only what needs no scope.
   *
   * @return this seed, for chaining
   */
  public TokenSeed noScopes() {
    return set(t -> t.scopes.clear());
  }

  /**
   * Sets the organization the token belongs to (and is pinned to).
   *
   * @param organization the organization (created if absent); default {@code test-org}
   * @return this seed, for chaining
   */
  public TokenSeed organization(String organization) {
    synchronized (state) {
      state.organization(organization);
    }
    return set(t -> t.organization = organization);
  }

  /**
   * Lets {@code X-Org-Name} select these organizations too (created if absent).
   *
   * @param organizations their names
   * @return this seed, for chaining
   */
  public TokenSeed alsoIn(String... organizations) {
    synchronized (state) {
      for (String o : organizations) {
        state.organization(o);
      }
    }
    return set(t -> t.alsoIn.addAll(java.util.List.of(organizations)));
  }

  private TokenSeed set(java.util.function.Consumer<State.Token> change) {
    synchronized (state) {
      State.Token t = state.tokens.get(value);
      if (t == null) {
        throw new IllegalStateException("the token was revoked");
      }
      change.accept(t);
    }
    return this;
  }

  @Override
  public String toString() {
    return "TokenSeed[****]";
  }
}
