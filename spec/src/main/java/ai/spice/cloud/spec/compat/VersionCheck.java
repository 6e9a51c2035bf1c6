package ai.spice.cloud.spec.compat;

/**
 * The version rule: the diff against the baseline needs a {@link Bump} (an unaccepted break: major; an
 * additive change: minor; anything else: patch), and the project version must be at least that step above
 * the baseline's version, unless it is that very version: a baseline moved when its version was prepared (with
 * its changelog section, see {@link Release}) is the contract of the version being built, which changes since
 * then join (a break still fails as a break). Qualifiers such as -SNAPSHOT are ignored.
 *
 * @param baseline the version whose contract the baseline is (baseline/VERSION), or null when unknown
 * @param project the project version as given, or null when unknown (then nothing is checked)
 */
public record VersionCheck(SemVer baseline, String project, Bump required) {
  public boolean checked() {
    return baseline != null && project != null;
  }

  /** The lowest version the diff allows, or null when the baseline's version is unknown. */
  public SemVer minimum() {
    return baseline == null ? null : prepared() ? baseline : required.from(baseline);
  }

  /** Whether the baseline is the contract prepared for the project's own version. */
  public boolean prepared() {
    return checked() && SemVer.parse(project).equals(baseline);
  }

  public boolean ok() {
    return !checked() || SemVer.parse(project).compareTo(minimum()) >= 0;
  }

  /** Whether the project version is a major release above the baseline, which lets breaks through. */
  public boolean isMajorRelease() {
    return checked() && SemVer.parse(project).compareTo(Bump.MAJOR.from(baseline)) >= 0;
  }

  public String describe() {
    String needs = "the diff needs a " + required.label() + " release";
    if (!checked()) {
      return needs + (baseline == null ? "" : ", at least " + minimum())
          + "; no project version given, so it is not checked";
    }
    if (prepared()) {
      return "project " + project + "; the baseline is the contract prepared for " + baseline
          + (required == Bump.PATCH ? "" : ", and what changed since (alone a " + required.label() + " release) is"
          + " part of it") + ": OK";
    }
    return "project " + project + "; baseline released as " + baseline + "; " + needs + ", at least " + minimum()
        + (ok() ? ": OK" : ": the project version is too low to be released (the release check refuses it)");
  }
}
