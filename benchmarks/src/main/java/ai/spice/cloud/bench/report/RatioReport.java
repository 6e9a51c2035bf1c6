package ai.spice.cloud.bench.report;

import ai.spice.cloud.bench.contenders.Contenders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Raw numbers of one run per contender, the ratios ours / floor and ours / floor on our settings, and whether
 * each bound is met. A ratio is the quotient of the raw numbers unless one was measured in pairs
 * ({@link #putRatio}). The default generated client, when measured, is shown for comparison only.
 */
public final class RatioReport {
  /** The verdict on one metric; a contender not measured is NaN. */
  public record Line(Metric metric, double ours, double floor, double floorSettings, double defaultGenerated,
      double versusFloor, double versusFloorSettings) {
    /** Both bounds met (a bound whose floor was not measured counts as missed). */
    public boolean met() {
      return metric.versusFloor().isMetBy(versusFloor()) && metric.versusFloorSettings().isMetBy(versusFloorSettings());
    }

    public boolean isTarget() {
      return !metric.versusFloor().aim();
    }
  }

  private final Map<Metric, Map<String, Double>> values = new LinkedHashMap<>();
  private final Map<Metric, Map<String, Double>> ratios = new HashMap<>();

  public RatioReport put(Metric metric, String contender, double value) {
    values.computeIfAbsent(metric, m -> new HashMap<>()).put(contender, value);
    return this;
  }

  /** The ratio ours / {@code versus} as measured in pairs, in place of the quotient of the raw numbers. */
  public RatioReport putRatio(Metric metric, String versus, double ratio) {
    ratios.computeIfAbsent(metric, m -> new HashMap<>()).put(versus, ratio);
    return this;
  }

  /** Lines for every metric measured for ours and at least the plain floor, in {@link Metric#all()} order. */
  public List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    for (Metric metric : Metric.all()) {
      Map<String, Double> byContender = values.getOrDefault(metric, Map.of());
      if (byContender.containsKey(Contenders.OURS) && byContender.containsKey(Contenders.FLOOR)) {
        double ours = byContender.get(Contenders.OURS);
        double floor = byContender.get(Contenders.FLOOR);
        double floorSettings = byContender.getOrDefault(Contenders.FLOOR_OUR_SETTINGS, Double.NaN);
        Map<String, Double> paired = ratios.getOrDefault(metric, Map.of());
        lines.add(new Line(metric, ours, floor, floorSettings,
            byContender.getOrDefault(Contenders.DEFAULT_GENERATED, Double.NaN),
            paired.getOrDefault(Contenders.FLOOR, ours / floor),
            paired.getOrDefault(Contenders.FLOOR_OUR_SETTINGS, ours / floorSettings)));
      }
    }
    return lines;
  }

  public boolean allTargetsMet() {
    return lines().stream().filter(Line::isTarget).allMatch(Line::met);
  }

  /** A Markdown table: raw values, both ratios with their bounds, and the verdict. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("| metric | unit | ours | floor | floor on our settings | default generated | ours / floor | bound "
        + "| ours / floor on our settings | bound | verdict |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---|---:|---|---|\n");
    for (Line line : lines()) {
      Metric metric = line.metric();
      String verdict = (line.isTarget() ? "" : "aim ") + (line.met() ? "MET" : "MISSED");
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          metric.label(), metric.unit(), number(line.ours()), number(line.floor()), number(line.floorSettings()),
          number(line.defaultGenerated()), ratio(line.versusFloor()), metric.versusFloor(),
          ratio(line.versusFloorSettings()), metric.versusFloorSettings(), verdict));
    }
    return out.toString();
  }

  private static String ratio(double ratio) {
    return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.3f", ratio);
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }
}
