package ai.spice.cloud.testing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Seeds one member of an organization. Get one from {@link OrganizationSeed#member(long, String)}. */
public final class MemberSeed {
  private final State state;
  private final String organization;
  private final long userId;

  MemberSeed(State state, String organization, long userId) {
    this.state = state;
    this.organization = organization;
    this.userId = userId;
  }

  /**
   * Sets the roles, replacing the current ones.
   *
   * @param roles e.g. {@code admin}, {@code member}
   * @return this seed, for chaining
   * @throws NullPointerException if a role is null
   */
  public MemberSeed roles(String... roles) {
    List<String> copy = List.of(roles);
    return set(m -> m.roles = copy);
  }

  /**
   * Sets whether the member owns the organization ({@code is_owner}).
   *
   * @param owner true for the owner
   * @return this seed, for chaining
   */
  public MemberSeed owner(boolean owner) {
    return set(m -> m.owner = owner);
  }

  /**
   * Sets when the member joined ({@code created_at}).
   *
   * @param createdAt the instant
   * @return this seed, for chaining
   * @throws NullPointerException if it is null
   */
  public MemberSeed createdAt(Instant createdAt) {
    return set(m -> m.createdAt = Objects.requireNonNull(createdAt, "createdAt"));
  }

  private MemberSeed set(java.util.function.Consumer<State.Member> change) {
    synchronized (state) {
      change.accept(state.organization(organization).members.get(userId));
    }
    return this;
  }
}
