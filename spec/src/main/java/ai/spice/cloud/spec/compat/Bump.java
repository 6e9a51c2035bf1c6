package ai.spice.cloud.spec.compat;

/** The semantic-version step a change of the API description needs, in increasing order. */
public enum Bump {
  PATCH,
  MINOR,
  MAJOR;

  /** The lowest version that makes this step from {@code released}. */
  public SemVer from(SemVer released) {
    return switch (this) {
      case MAJOR -> new SemVer(released.major() + 1, 0, 0);
      case MINOR -> new SemVer(released.major(), released.minor() + 1, 0);
      case PATCH -> new SemVer(released.major(), released.minor(), released.patch() + 1);
    };
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
