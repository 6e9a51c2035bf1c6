package ai.spice.cloud.testing;

import java.util.Objects;
import java.util.Set;

/** Seeds one region of {@code GET /v1/regions}. Get one from {@link SpiceCloudFake#region(String)}. */
public final class RegionSeed {
  static final Set<String> PROVIDERS = Set.of("aws", "azure", "teraswitch");
  private final State state;
  private final String region;

  RegionSeed(State state, String region) {
    this.state = state;
    this.region = region;
  }

  /**
   * Sets the human-readable name.
   *
   * @param name e.g. {@code US East (Ohio)}
   * @return this seed, for chaining
   * @throws NullPointerException if it is null
   */
  public RegionSeed name(String name) {
    return set(r -> r.name = Objects.requireNonNull(name, "name"));
  }

  /**
   * Sets the cloud provider.
   *
   * @param provider {@code aws}, {@code azure} or {@code teraswitch}
   * @return this seed, for chaining
   * @throws IllegalArgumentException if it is another
   */
  public RegionSeed provider(String provider) {
    if (!PROVIDERS.contains(provider)) {
      throw new IllegalArgumentException("provider is one of " + PROVIDERS + ": " + provider);
    }
    return set(r -> r.provider = provider);
  }

  /**
   * Makes this the one default region.
   *
   * @return this seed, for chaining
   */
  public RegionSeed makeDefault() {
    synchronized (state) {
      state.regions.forEach(r -> r.isDefault = r.region.equals(region));
    }
    return this;
  }

  /**
   * Sets whether the region is disabled.
   *
   * @param disabled true to disable it
   * @return this seed, for chaining
   */
  public RegionSeed disabled(boolean disabled) {
    return set(r -> r.disabled = disabled);
  }

  private RegionSeed set(java.util.function.Consumer<State.Region> change) {
    synchronized (state) {
      state.regions.stream().filter(r -> r.region.equals(region)).findFirst()
          .ifPresentOrElse(change, () -> {
            throw new IllegalStateException("region " + region + " was removed");
          });
    }
    return this;
  }
}
