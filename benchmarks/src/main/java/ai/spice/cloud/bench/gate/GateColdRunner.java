package ai.spice.cloud.bench.gate;

import ai.spice.cloud.bench.FreshJvm;
import ai.spice.cloud.bench.report.Medians;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts {@link GateProbe} in fresh JVMs: per run, every size in both modes, one after another, so load that
 * drifts meets every size alike. Each probe must find the breaks the pair holds, or the run fails.
 */
public final class GateColdRunner {
  /** Medians over the runs, in milliseconds. */
  public record Cold(double report, double parse, double compare) {}

  /** One size's input files and the number of breaks the gate finds in them. */
  public record Input(Path baseline, Path current, int breaks) {}

  private GateColdRunner() {}

  /** Medians per number of copies, over {@code runs} fresh JVMs in each mode. */
  public static Map<Integer, Cold> medians(Map<Integer, Input> inputs, int runs)
      throws IOException, InterruptedException {
    Map<Integer, Map<String, List<Double>>> samples = new HashMap<>();
    for (int run = 0; run < runs; run++) {
      for (Map.Entry<Integer, Input> size : inputs.entrySet()) {
        Map<String, List<Double>> into = samples.computeIfAbsent(size.getKey(), s -> new HashMap<>());
        for (String mode : List.of(GateProbe.REPORT, GateProbe.COMPARE)) {
          probe(mode, size.getValue()).forEach((key, nanos) ->
              into.computeIfAbsent(key, k -> new ArrayList<>()).add(nanos / 1_000_000.0));
        }
      }
    }
    Map<Integer, Cold> medians = new LinkedHashMap<>();
    samples.forEach((copies, figures) -> medians.put(copies, new Cold(Medians.of(figures.get(GateProbe.REPORT)),
        Medians.of(figures.get("parse")), Medians.of(figures.get(GateProbe.COMPARE)))));
    return medians;
  }

  /** The probe's timings in nanoseconds, by name. */
  private static Map<String, Long> probe(String mode, Input input) throws IOException, InterruptedException {
    String answer = FreshJvm.run(GateProbe.class, GateProbe.OUTPUT_PREFIX, mode, input.baseline().toString(),
        input.current().toString());
    Map<String, Long> values = new HashMap<>();
    for (String pair : answer.split(" ")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
    }
    if (values.get("breaks") != input.breaks()) {
      throw new IOException("the " + mode + " probe on " + input.baseline() + " found " + values.get("breaks")
          + " breaks, not " + input.breaks());
    }
    values.remove("breaks");
    values.remove("chars");
    return values;
  }
}
