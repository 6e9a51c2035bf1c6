package ai.spice.cloud.bench.report;

import java.util.Locale;

/** A bound on a ratio ours / a floor: a target (met or missed) or an aim (reported). */
public record Target(String comparator, double bound, boolean aim) {
  public static Target atMost(double bound) {
    return new Target("<=", bound, false);
  }

  public static Target atLeast(double bound) {
    return new Target(">=", bound, false);
  }

  public static Target aimAtMost(double bound) {
    return new Target("<=", bound, true);
  }

  public boolean isMetBy(double ratio) {
    return "<=".equals(comparator) ? ratio <= bound : ratio >= bound;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s%s %.2fx", aim ? "aim " : "", comparator, bound);
  }
}
