package ai.spice.cloud.bench.gate;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The report section of the gate benchmark: one row per size, then the largest size over the smallest from the same
 * run (linear growth reads about 10 for ten copies; allocation, which load does not move, shows it best), then the
 * verdict on issue 20.
 */
public final class GateReport {
  /** Issue 20: the wire comparison of a pair of ~500-line documents stays under 1 s, cold as in CI. */
  public static final double TARGET_MILLIS = 1000;

  /** One size's figures: times in milliseconds. */
  public record Size(int copies, int baselineLines, int currentLines, int breaks, GateColdRunner.Cold cold,
      Warm parseAndCompare, Warm compare) {}

  /** A JMH figure: average time in milliseconds and bytes allocated per operation. */
  public record Warm(double millis, double bytes) {}

  private static final List<Column> COLUMNS = List.of(
      new Column("breaks found", Size::breaks, v -> Long.toString(Math.round(v))),
      new Column("cold: main to report", s -> s.cold().report(), GateReport::millis),
      new Column("cold: read + parse both", s -> s.cold().parse(), GateReport::millis),
      new Column("cold: compare alone", s -> s.cold().compare(), GateReport::millis),
      new Column("warm: parse + compare", s -> s.parseAndCompare().millis(), GateReport::millis),
      new Column("warm: compare alone", s -> s.compare().millis(), GateReport::millis),
      new Column("allocated: parse + compare", s -> s.parseAndCompare().bytes(), GateReport::kilobytes),
      new Column("allocated: compare alone", s -> s.compare().bytes(), GateReport::kilobytes));

  private record Column(String title, ToDoubleFunction<Size> value, DoubleFunction<String> format) {
    String cell(Size s) {
      return format.apply(value.applyAsDouble(s));
    }
  }

  private GateReport() {}

  /** @param sizes smallest first; the first is the ~500-line pair the target speaks of */
  public static String render(List<Size> sizes, String method) {
    StringBuilder out = new StringBuilder("Breaking-change gate, wire comparison, times in ms, allocation per"
        + " operation in KB (").append(method)
        .append("):\n\n")
        .append("| pair | lines (baseline / current) |");
    COLUMNS.forEach(c -> out.append(' ').append(c.title()).append(" |"));
    out.append("\n|---|---:|");
    COLUMNS.forEach(c -> out.append("---:|"));
    out.append('\n');
    for (Size s : sizes) {
      out.append("| ").append(s.copies()).append("x | ").append(s.baselineLines()).append(" / ")
          .append(s.currentLines()).append(" |");
      COLUMNS.forEach(c -> out.append(' ').append(c.cell(s)).append(" |"));
      out.append('\n');
    }
    Size first = sizes.get(0);
    Size last = sizes.get(sizes.size() - 1);
    out.append("| ").append(last.copies()).append("x / ").append(first.copies()).append("x | ")
        .append(ratio(last.baselineLines(), first.baselineLines())).append(" / ")
        .append(ratio(last.currentLines(), first.currentLines())).append(" |");
    COLUMNS.forEach(c -> out.append(' ')
        .append(ratio(c.value().applyAsDouble(last), c.value().applyAsDouble(first))).append(" |"));
    out.append("\n\n").append(verdict(first));
    return out.toString();
  }

  static String verdict(Size pair) {
    double millis = pair.cold().report();
    return String.format(Locale.ROOT, "Issue 20, the %d / %d-line pair compared within %.0f ms (cold, main to report): "
        + "%s ms: %s.", pair.baselineLines(), pair.currentLines(), TARGET_MILLIS, millis(millis),
        millis < TARGET_MILLIS ? "MET" : "MISSED");
  }

  private static String millis(double value) {
    return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value);
  }

  private static String kilobytes(double bytes) {
    return String.format(Locale.ROOT, "%.0f", bytes / 1024);
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.2f", a / b);
  }
}
