package ai.spice.cloud.spec.compat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A release version MAJOR.MINOR.PATCH; a qualifier such as {@code -SNAPSHOT} is read and ignored. */
public record SemVer(int major, int minor, int patch) implements Comparable<SemVer> {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})(-[0-9A-Za-z.-]+)?");

  public SemVer {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("version numbers are not negative");
    }
  }

  /** Parses {@code 1.2.3} or {@code 1.2.3-SNAPSHOT}; anything else is a clear error. */
  public static SemVer parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a version of the form MAJOR.MINOR.PATCH[-QUALIFIER]: \"" + text + "\"");
    }
    return new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c == 0 ? Integer.compare(patch, o.patch) : c;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
