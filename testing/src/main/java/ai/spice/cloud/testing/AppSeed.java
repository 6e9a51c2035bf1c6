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

  /** @return the app id */
  public long id() {
    return id;
  }

  /**
   * Sets the app name.
   *
   * @param name the name
   * @return this seed, for chaining
   * @throws NullPointerException if it is null
   */
  public AppSeed name(String name) {
    return set(a -> a.name = Objects.requireNonNull(name, "name"));
  }

  /**
   * Sets the description.
   *
   * @param description the description, or null for none
   * @return this seed, for chaining
   */
  public AppSeed description(String description) {
    return set(a -> a.description = description);
  }

  /**
   * Sets the visibility.
   *
   * @param visibility {@code public} or {@code private} (the default)
   * @return this seed, for chaining
   * @throws IllegalArgumentException if it is neither
   */
  public AppSeed visibility(String visibility) {
    if (!"public".equals(visibility) && !"private".equals(visibility)) {
      throw new IllegalArgumentException("visibility is public or private: " + visibility);
    }
    return set(a -> a.visibility = visibility);
  }

  /**
   * Sets the region the app runs in.
   *
   * @param region the region identifier (the API's {@code cname})
   * @return this seed, for chaining
   * @throws NullPointerException if it is null
   */
  public AppSeed region(String region) {
    return set(a -> a.cname = Objects.requireNonNull(region, "region"));
  }

  /**
   * Sets the cluster id.
   *
   * @param clusterId the cluster id, or null for none
   * @return this seed, for chaining
   */
  public AppSeed clusterId(String clusterId) {
    return set(a -> a.clusterId = clusterId);
  }

  /**
   * Adds a tag, or replaces the value of the tag with this key.
   *
   * @param key the key
   * @param value its value
   * @return this seed, for chaining
   * @throws NullPointerException if either is null
   */
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

  /**
   * Sets when the app was created ({@code created_at}).
   *
   * @param createdAt the instant
   * @return this seed, for chaining
   * @throws NullPointerException if it is null
   */
  public AppSeed createdAt(Instant createdAt) {
    return set(a -> a.createdAt = Objects.requireNonNull(createdAt, "createdAt"));
  }

  /**
   * Sets both API keys, replacing the current ones (which stop being live).
   *
   * @param primary the primary key ({@code api_key}), or null for none
   * @param secondary the secondary key ({@code api_key_2}), or null for none
   * @return this seed, for chaining
   * @throws IllegalArgumentException if the two are equal
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

  /**
   * Adds a secret, or replaces the value of the secret with this name. The API only ever shows it masked.
   *
   * @param name the secret name
   * @param value its value
   * @return this seed, for chaining
   * @throws IllegalArgumentException if the name is blank
   * @throws NullPointerException if the value is null
   */
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
