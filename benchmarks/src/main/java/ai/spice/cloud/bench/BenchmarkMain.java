package ai.spice.cloud.bench;

import ai.spice.cloud.bench.contenders.Contenders;
import ai.spice.cloud.bench.logging.FullLoggingBenchmark;
import ai.spice.cloud.bench.report.Metric;
import ai.spice.cloud.bench.report.RatioReport;
import ai.spice.cloud.bench.report.WarmupCheck;
import ai.spice.cloud.bench.server.ServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One run of everything against one loopback fixture server process: JMH (sequential time, 8-thread throughput,
 * allocation via the GC profiler) for every operation kind, FULL logging of a 1 MiB body, and first calls in
 * fresh JVMs; then the ratios ours / floor and ours / floor on our settings.
 *
 * <p>Forks are interleaved (for each round and benchmark: every contender in turn, order reversed every other
 * round) rather than run contender after contender, so load that drifts during the run (this 2-core machine is
 * shared) hits all contenders alike. A contender's score is the mean over its forks.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar [--quick] [--rounds N] [--first-call-runs N]
 * [--contenders a,b,...] [--report FILE]}. Quick mode is a smoke run; its numbers are not worth quoting.
 */
public final class BenchmarkMain {
  /** The target on FULL logging of the 1 MiB body, milliseconds per call. */
  static final double FULL_LOGGING_TARGET_MILLIS = 50;

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    Integer rounds = null;
    Integer firstCallRuns = null;
    List<String> contenders = Contenders.DEFAULT_RUN;
    Path reportFile = Path.of("benchmarks", "target", "benchmark-report.md");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--first-call-runs" -> firstCallRuns = Integer.parseInt(args[++i]);
        case "--contenders" -> contenders = Arrays.asList(args[++i].split(","));
        case "--report" -> reportFile = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (!contenders.containsAll(List.of(Contenders.OURS, Contenders.FLOOR))) {
      throw new IllegalArgumentException("--contenders must include " + Contenders.OURS + " and " + Contenders.FLOOR);
    }
    // Full mode warms up 20 s per fork (the warm-up check below flags a fork measured before steady state).
    Settings settings = quick ? new Settings(1, 2, 2, 1) : new Settings(4, 5, 5, 2);
    rounds = rounds != null ? rounds : (quick ? 1 : 2);
    firstCallRuns = firstCallRuns != null ? firstCallRuns : (quick ? 3 : 7);
    String loadBefore = loadAverage();

    Map<Metric, Map<String, List<Double>>> samples = new LinkedHashMap<>();
    Map<String, List<Double>> logging = new LinkedHashMap<>();
    List<String> stillWarming = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start()) {
      for (int round = 0; round < rounds; round++) {
        List<String> order = new ArrayList<>(contenders);
        if (round % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (Metric.Measure measure : List.of(Metric.Measure.SEQUENTIAL, Metric.Measure.THREADS8)) {
          for (Metric.Operation operation : Metric.Operation.values()) {
            String benchmark = operation.method() + (measure == Metric.Measure.SEQUENTIAL ? "Sequential" : "Threads8");
            for (String contender : order) {
              if (operation == Metric.Operation.POST_WITHOUT_BODY && contender.equals(Contenders.DEFAULT_GENERATED)) {
                continue; // it cannot send it
              }
              RunResult result = run(settings, server, OperationsBenchmark.class.getName() + "\\." + benchmark + "$",
                  "impl", contender, true);
              Metric timed = new Metric(operation, measure);
              add(samples, timed, contender, result.getPrimaryResult().getScore());
              if (measure == Metric.Measure.SEQUENTIAL) { // one caller: no contention in the number
                add(samples, new Metric(operation, Metric.Measure.ALLOCATION), contender, allocationPerCall(result));
              }
              checkWarmup(stillWarming, timed.label() + " " + contender + " (round " + (round + 1) + ")",
                  measure.lowerIsBetter(), result);
            }
          }
        }
        for (String level : List.of("FULL", "NONE")) {
          RunResult result = run(settings, server, FullLoggingBenchmark.class.getName() + "\\.", "level", level, false);
          logging.computeIfAbsent(level, l -> new ArrayList<>()).add(result.getPrimaryResult().getScore());
        }
      }
      FirstCallRunner firstCalls = new FirstCallRunner(server.port());
      for (Metric.Operation operation : Metric.Operation.values()) {
        Metric metric = new Metric(operation, Metric.Measure.FIRST_CALL);
        firstCalls.medianMillis(contenders, operation.probe(), firstCallRuns)
            .forEach((contender, millis) -> add(samples, metric, contender, millis));
      }
    }

    RatioReport report = new RatioReport();
    samples.forEach((metric, byContender) -> byContender.forEach(
        (contender, values) -> report.put(metric, contender, mean(values))));
    String text = "Settings: " + settings + " per fork, " + rounds + " interleaved fork(s) per contender and benchmark;"
        + " contenders " + contenders + "; first call: median of " + firstCallRuns + " fresh JVMs per contender."
        + " Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "); load average "
        + loadBefore + " before, " + loadAverage() + " after.\n\n"
        + report.render() + "\nAll targets met: " + report.allTargetsMet() + "\n\n"
        + loggingVerdict(logging) + "\n\n" + warmupVerdict(stillWarming) + "\n\nPer fork:\n\n" + perFork(samples);
    System.out.println();
    System.out.println(text);
    Files.createDirectories(reportFile.toAbsolutePath().getParent());
    Files.writeString(reportFile, text, StandardCharsets.UTF_8);
    System.out.println("Report written to " + reportFile);
  }

  /** Warm-up and measurement per fork. */
  record Settings(int warmups, int warmupSeconds, int measurements, int measurementSeconds) {
    @Override
    public String toString() {
      return warmups + " warmup x " + warmupSeconds + "s, " + measurements + " measurement x " + measurementSeconds + "s";
    }
  }

  private static RunResult run(Settings settings, ServerProcess server, String include, String param, String value,
      boolean gc) throws RunnerException {
    OptionsBuilder options = new OptionsBuilder();
    options.include(include)
        .param(param, value)
        .warmupIterations(settings.warmups())
        .warmupTime(TimeValue.seconds(settings.warmupSeconds()))
        .measurementIterations(settings.measurements())
        .measurementTime(TimeValue.seconds(settings.measurementSeconds()))
        .forks(1)
        .shouldFailOnError(true)
        .jvmArgsAppend("-D" + OperationsBenchmark.PORT_PROPERTY + "=" + server.port());
    if (gc) {
      options.addProfiler(GCProfiler.class);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    return results.iterator().next();
  }

  /** Notes a fork whose measurement iterations were still improving, i.e. measured before steady state. */
  private static void checkWarmup(List<String> stillWarming, String fork, boolean lowerIsBetter, RunResult result) {
    for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
      List<Double> scores = benchmark.getIterationResults().stream()
          .map(iteration -> iteration.getPrimaryResult().getScore()).toList();
      if (WarmupCheck.stillWarmingUp(scores, lowerIsBetter)) {
        stillWarming.add(String.format(Locale.ROOT, "%s: %.0f%% better in its second half", fork,
            100 * WarmupCheck.improvement(scores, lowerIsBetter)));
      }
    }
  }

  static String loggingVerdict(Map<String, List<Double>> logging) {
    if (!logging.containsKey("FULL")) {
      return "FULL logging of a 1 MiB body: not measured.";
    }
    double full = mean(logging.get("FULL"));
    double none = mean(logging.getOrDefault("NONE", List.of(Double.NaN)));
    return String.format(Locale.ROOT, "FULL logging of a 1 MiB body (listSecrets, ours): %.2f ms/call at FULL, "
        + "%.2f ms/call at NONE (logging costs %.2f ms); target: FULL <= %.0f ms: %s.", full, none, full - none,
        FULL_LOGGING_TARGET_MILLIS, full <= FULL_LOGGING_TARGET_MILLIS ? "MET" : "MISSED");
  }

  private static String warmupVerdict(List<String> stillWarming) {
    if (stillWarming.isEmpty()) {
      return "Warm-up check: every fork was at steady state (no measurement improved by more than "
          + Math.round(100 * WarmupCheck.MAX_IMPROVEMENT) + "% from its first half to its second).";
    }
    return "Warm-up check: " + stillWarming.size() + " fork(s) still warming up while measured (rerun with a "
        + "longer warm-up before quoting them):\n\n- " + String.join("\n- ", stillWarming);
  }

  private static void add(Map<Metric, Map<String, List<Double>>> samples, Metric metric, String contender,
      double value) {
    samples.computeIfAbsent(metric, m -> new LinkedHashMap<>())
        .computeIfAbsent(contender, c -> new ArrayList<>()).add(value);
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(v -> v).average().orElse(Double.NaN);
  }

  private static double allocationPerCall(RunResult result) {
    for (Map.Entry<String, Result> entry : result.getSecondaryResults().entrySet()) {
      // The label is "gc.alloc.rate.norm" (older JMH prefixed it with a middle dot).
      if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
        return entry.getValue().getScore();
      }
    }
    return Double.NaN;
  }

  private static String perFork(Map<Metric, Map<String, List<Double>>> samples) {
    StringBuilder out = new StringBuilder();
    samples.forEach((metric, byContender) -> {
      out.append("- ").append(metric.label()).append(" (").append(metric.unit()).append("):");
      byContender.forEach((contender, values) -> out.append(' ').append(contender).append(' ').append(
          values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList()));
      out.append('\n');
    });
    return out.toString();
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + "/" + fields[1] + "/" + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
