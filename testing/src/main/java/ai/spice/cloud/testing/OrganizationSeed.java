package ai.spice.cloud.testing;

/** Seeds one organization of a fake: its apps and members. Get one from {@link SpiceCloudFake#organization}. */
public final class OrganizationSeed {
  private final State state;
  private final String name;

  OrganizationSeed(State state, String name) {
    this.state = state;
    this.name = name;
  }

  /** @return the organization's name */
  public String name() {
    return name;
  }

  /**
   * The app with this id, created in this organization (with two fresh API keys, in the default region) if
   * there is none yet.
   *
   * @param appId the app id, positive
   * @return the app, to seed further
   * @throws IllegalArgumentException if the id is not positive or names an app of another organization
   */
  public AppSeed app(long appId) {
    if (appId <= 0) {
      throw new IllegalArgumentException("app ids are positive: " + appId);
    }
    synchronized (state) {
      State.App app = state.apps.get(appId);
      if (app == null) {
        String region = state.regions.stream().filter(r -> r.isDefault).map(r -> r.region).findFirst()
            .orElse(state.regions.isEmpty() ? "us-east-2" : state.regions.get(0).region);
        state.apps.put(appId, new State.App(appId, name, state.now(), region));
      } else if (!app.organization.equals(name)) {
        throw new IllegalArgumentException("app " + appId + " belongs to organization " + app.organization);
      }
    }
    return new AppSeed(state, appId);
  }

  /**
   * Removes the app with this id from this organization, if it has it.
   *
   * @param appId the app id
   * @return this organization, for chaining
   */
  public OrganizationSeed removeApp(long appId) {
    synchronized (state) {
      State.App app = state.apps.get(appId);
      if (app != null && app.organization.equals(name)) {
        state.apps.remove(appId);
      }
    }
    return this;
  }

  /**
   * The member with this user id, added (role {@code member}, not owner) if absent; the username is set.
   *
   * @param userId the user id
   * @param username the username
   * @return the member, to seed further
   * @throws IllegalArgumentException if the username is blank
   */
  public MemberSeed member(long userId, String username) {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("a member needs a username");
    }
    synchronized (state) {
      State.Org org = state.organization(name);
      org.members.computeIfAbsent(userId, id -> new State.Member(id, username, state.now())).username = username;
    }
    return new MemberSeed(state, name, userId);
  }
}
