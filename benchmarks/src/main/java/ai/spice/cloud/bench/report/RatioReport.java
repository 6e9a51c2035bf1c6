package ai.spice.cloud.bench.report;

import ai.spice.cloud.bench.contenders.Contenders;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Raw numbers of one run per contender, the ratios ours / floor and whether each target is met. */
public final class RatioReport {
  /**
   * The verdict on one metric. {@code floorOurSettings} (the floor on our OkHttp settings, NaN if not measured)
   * is diagnostic: it splits ours / floor into the settings' share and the rest.
   */
  public record Line(Metric metric, double ours, double floor, double defaultGenerated, double floorOurSettings,
                     double ratio, boolean targetMet, boolean aheadOfDefaultGenerated) {
    public boolean passed() {
      return targetMet && (!metric.mustBeatDefaultGenerated() || aheadOfDefaultGenerated);
    }
  }

  private final Map<Metric, Map<String, Double>> values = new EnumMap<>(Metric.class);

  public RatioReport put(Metric metric, String contender, double value) {
    values.computeIfAbsent(metric, m -> new java.util.HashMap<>()).put(contender, value);
    return this;
  }

  /** Lines for every metric measured for both ours and the floor, in {@link Metric} order. */
  public List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    for (Map.Entry<Metric, Map<String, Double>> entry : values.entrySet()) {
      Metric metric = entry.getKey();
      Map<String, Double> byContender = entry.getValue();
      Double ours = byContender.get(Contenders.OURS);
      Double floor = byContender.get(Contenders.FLOOR);
      if (ours == null || floor == null) {
        continue;
      }
      double defaultGenerated = byContender.getOrDefault(Contenders.DEFAULT_GENERATED, Double.NaN);
      double floorOurSettings = byContender.getOrDefault(Contenders.FLOOR_OUR_SETTINGS, Double.NaN);
      double ratio = ours / floor;
      boolean ahead = !Double.isNaN(defaultGenerated)
          && (metric.lowerIsBetter() ? ours < defaultGenerated : ours > defaultGenerated);
      lines.add(new Line(metric, ours, floor, defaultGenerated, floorOurSettings, ratio,
          metric.target().isMetBy(ratio), ahead));
    }
    return lines;
  }

  public boolean allTargetsMet() {
    return lines().stream().allMatch(Line::passed);
  }

  /**
   * A Markdown table: raw values, ratio ours / floor, target and verdict, then the diagnostic split of that
   * ratio: the floor on our OkHttp settings against the floor, and ours against the floor on our settings.
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("| metric | unit | ours | floor | default generated | ours / floor | target "
        + "| ours vs default generated | verdict | floor on our settings / floor | ours / floor on our settings |\n");
    out.append("|---|---|---:|---:|---:|---:|---|---|---|---:|---:|\n");
    for (Line line : lines()) {
      Metric metric = line.metric();
      String versusDefault = Double.isNaN(line.defaultGenerated()) ? "-"
          : String.format(Locale.ROOT, "%.2fx%s", line.ours() / line.defaultGenerated(),
              line.aheadOfDefaultGenerated() ? " (ahead)" : " (behind)");
      String verdict = !metric.target().exists() && !metric.mustBeatDefaultGenerated() ? "info"
          : line.passed() ? "MET" : "MISSED";
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.3f | %s | %s | %s | %s | %s |%n",
          metric.label(), metric.unit(), number(line.ours()), number(line.floor()),
          number(line.defaultGenerated()), line.ratio(), metric.target(), versusDefault, verdict,
          ratio(line.floorOurSettings(), line.floor()), ratio(line.ours(), line.floorOurSettings())));
    }
    return out.toString();
  }

  private static String ratio(double numerator, double denominator) {
    return Double.isNaN(numerator) || Double.isNaN(denominator) ? "-"
        : String.format(Locale.ROOT, "%.3f", numerator / denominator);
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }
}
