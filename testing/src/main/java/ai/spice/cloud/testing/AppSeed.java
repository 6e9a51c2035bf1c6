package ai.spice.cloud.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Objects;

/** Seeds one app: its fields, API keys and secrets. Get one from {@link OrganizationSeed#app(long)}. */
public final class AppSeed {
  private final State state;
  private final long id;

  AppSeed(State state, long id) {
    this.state = state;
    this.id = id;
  }

  public long id() {
    return id;
  }

  public AppSeed name(String name) {
    return set(a -> a.name = Objects.requireNonNull(name, "name"));
  }

  /** @param description the description, or null for none */
  public AppSeed description(String description) {
    return set(a -> a.description = description);
  }

  /** @param visibility {@code public} or {@code private} (the default) */
  public AppSeed visibility(String visibility) {
    if (!"public".equals(visibility) && !"private".equals(visibility)) {
      throw new IllegalArgumentException("visibility is public or private: " + visibility);
    }
    return set(a -> a.visibility = visibility);
  }

  /** @param region the region identifier the app runs in (the API's {@code cname}) */
  public AppSeed region(String region) {
    return set(a -> a.cname = Objects.requireNonNull(region, "region"));
  }

  /** @param clusterId the cluster id, or null for none */
  public AppSeed clusterId(String clusterId) {
    return set(a -> a.clusterId = clusterId);
  }

  public AppSeed tag(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    return set(a -> {
      if (a.tags == null) {
        a.tags = new LinkedHashMap<>();
      }
      a.tags.put(key, value);
    });
  }

  public AppSeed createdAt(Instant createdAt) {
    return set(a -> a.createdAt = Objects.requireNonNull(createdAt, "createdAt"));
  }

  /**
   * Sets both API keys, replacing the current ones (which stop being live).
   *
   * @param primary the primary key ({@code api_key}), or null for none
   * @param secondary the secondary key ({@code api_key_2}), or null for none
   */
  public AppSeed apiKeys(String primary, String secondary) {
    if (primary != null && primary.equals(secondary)) {
      throw new IllegalArgumentException("the two API keys of an app differ");
    }
    return set(a -> {
      a.apiKey = primary;
      a.apiKey2 = secondary;
    });
  }

  /** Adds a secret, or replaces the value of the secret with this name. The API only ever shows it masked. */
  public AppSeed secret(String name, String value) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a secret needs a name");
    }
    Objects.requireNonNull(value, "value");
    return set(a -> {
      State.Secret existing = a.secrets.get(name);
      if (existing == null) {
        a.secrets.put(name, new State.Secret(state.nextSecretId++, name, value, state.now()));
      } else {
        existing.value = value;
        existing.updatedAt = state.now();
      }
    });
  }

  private AppSeed set(java.util.function.Consumer<State.App> change) {
    synchronized (state) {
      State.App app = state.apps.get(id);
      if (app == null) {
        throw new IllegalStateException("app " + id + " was removed");
      }
      change.accept(app);
    }
    return this;
  }

  @Override
  public String toString() {
    return "AppSeed[" + id + "]";
  }
}
