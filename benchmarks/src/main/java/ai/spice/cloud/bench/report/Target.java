package ai.spice.cloud.bench.report;

import java.util.Locale;

/** A bound on the ratio ours / floor; {@link #none()} for quantities we only report. */
public record Target(String comparator, double bound) {
  public static Target atMost(double bound) {
    return new Target("<=", bound);
  }

  public static Target atLeast(double bound) {
    return new Target(">=", bound);
  }

  public static Target none() {
    return new Target("", Double.NaN);
  }

  public boolean exists() {
    return !comparator.isEmpty();
  }

  public boolean isMetBy(double ratio) {
    if (!exists()) {
      return true;
    }
    return "<=".equals(comparator) ? ratio <= bound : ratio >= bound;
  }

  @Override
  public String toString() {
    return exists() ? String.format(Locale.ROOT, "%s %.2fx", comparator, bound) : "-";
  }
}
