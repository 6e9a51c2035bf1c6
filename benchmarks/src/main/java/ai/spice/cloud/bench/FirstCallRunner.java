package ai.spice.cloud.bench;

import ai.spice.cloud.bench.contenders.Contenders;
import ai.spice.cloud.bench.report.Medians;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts {@link FirstCallProbe} in fresh JVMs, round-robin over contenders so drift hits all alike. */
final class FirstCallRunner {
  private final int port;

  FirstCallRunner(int port) {
    this.port = port;
  }

  /** Median first-call time in milliseconds per contender, over {@code runs} fresh JVMs each. */
  Map<String, Double> medianMillis(List<String> contenders, String operation, int runs)
      throws IOException, InterruptedException {
    Map<String, List<Double>> samples = new HashMap<>();
    for (int run = 0; run < runs; run++) {
      for (String contender : contenders) {
        if (operation.equals("regenerate-empty") && contender.equals(Contenders.DEFAULT_GENERATED)) {
          continue; // it cannot send it
        }
        samples.computeIfAbsent(contender, c -> new ArrayList<>()).add(probe(contender, operation) / 1_000_000.0);
      }
    }
    Map<String, Double> medians = new HashMap<>();
    samples.forEach((contender, millis) -> medians.put(contender, Medians.of(millis)));
    return medians;
  }

  private long probe(String contender, String operation) throws IOException, InterruptedException {
    return Long.parseLong(FreshJvm.run(FirstCallProbe.class, FirstCallProbe.OUTPUT_PREFIX, contender, operation,
        Integer.toString(port)));
  }
}
