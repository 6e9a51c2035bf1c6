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

  public MemberSeed roles(String... roles) {
    List<String> copy = List.of(roles);
    return set(m -> m.roles = copy);
  }

  public MemberSeed owner(boolean owner) {
    return set(m -> m.owner = owner);
  }

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
