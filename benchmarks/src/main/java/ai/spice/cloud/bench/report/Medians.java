package ai.spice.cloud.bench.report;

import java.util.ArrayList;
import java.util.List;

/** The median, the summary every measure here uses: a burst of load moves a mean, hardly a median. */
public final class Medians {
  private Medians() {}

  /** @throws IllegalArgumentException for no values */
  public static double of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
