package ai.spice.cloud.bench;

import ai.spice.cloud.bench.contenders.Contenders;
import ai.spice.cloud.bench.report.Metric;
import ai.spice.cloud.bench.report.RatioReport;
import ai.spice.cloud.bench.report.WarmupCheck;
import ai.spice.cloud.bench.server.ServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One run of everything against one loopback fixture server process: JMH (sequential time, 8-thread throughput,
 * allocation via the GC profiler) and first calls in fresh JVMs; then the ratios ours / floor.
 *
 * <p>Forks are interleaved (for each round and benchmark: every contender in turn, order reversed every other
 * round) rather than run contender after contender, so load that drifts during the run (this 2-core machine is
 * shared) hits all contenders alike. A contender's score is the mean over its forks.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar [--quick] [--rounds N] [--first-call-runs N]
 * [--report FILE]}. Quick mode is a smoke run; its numbers are not worth quoting.
 */
public final class BenchmarkMain {
  private static final String[] BENCHMARKS = {
      "getApiKeysSequential", "regenerateApiKeySequential", "getApiKeysThreads8", "regenerateApiKeyThreads8"};

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    Integer rounds = null;
    Integer firstCallRuns = null;
    Path reportFile = Path.of("benchmarks", "target", "benchmark-report.md");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--first-call-runs" -> firstCallRuns = Integer.parseInt(args[++i]);
        case "--report" -> reportFile = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    // Full mode warms up 30 s per fork: on 2 shared cores ours reaches steady state after 20-25 s of 8-thread
    // load (the floor after 10-15 s), so a shorter warm-up measures how fast the JIT settles, not the call.
    int warmups = quick ? 1 : 6;
    int warmupSeconds = quick ? 2 : 5;
    int measurements = quick ? 2 : 5;
    int measurementSeconds = quick ? 1 : 2;
    rounds = rounds != null ? rounds : (quick ? 1 : 2);
    firstCallRuns = firstCallRuns != null ? firstCallRuns : (quick ? 3 : 7);
    String loadBefore = loadAverage();

    Map<Metric, Map<String, List<Double>>> samples = new EnumMap<>(Metric.class);
    List<String> stillWarming = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start()) {
      for (int round = 0; round < rounds; round++) {
        List<String> order = new ArrayList<>(Contenders.ALL);
        if (round % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (String benchmark : BENCHMARKS) {
          for (String contender : order) {
            OptionsBuilder options = new OptionsBuilder();
            options.include(ApiKeysBenchmark.class.getName() + "\\." + benchmark + "$")
                .param("impl", contender)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(measurements)
                .measurementTime(TimeValue.seconds(measurementSeconds))
                .forks(1)
                .shouldFailOnError(true)
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-D" + ApiKeysBenchmark.PORT_PROPERTY + "=" + server.port());
            for (RunResult result : new Runner(options.build()).run()) {
              record(samples, benchmark, contender, result);
              checkWarmup(stillWarming, benchmark, contender, round, result);
            }
          }
        }
      }

      FirstCallRunner firstCalls = new FirstCallRunner(server.port());
      firstCalls.medianMillis(Contenders.ALL, "get", firstCallRuns)
          .forEach((contender, millis) -> add(samples, Metric.GET_FIRST_CALL, contender, millis));
      firstCalls.medianMillis(Contenders.ALL, "regenerate", firstCallRuns)
          .forEach((contender, millis) -> add(samples, Metric.REGENERATE_FIRST_CALL, contender, millis));
    }

    RatioReport report = new RatioReport();
    samples.forEach((metric, byContender) -> byContender.forEach(
        (contender, values) -> report.put(metric, contender, values.stream().mapToDouble(v -> v).average().orElseThrow())));
    String text = "Settings: " + warmups + " warmup x " + warmupSeconds + "s, " + measurements + " measurement x "
        + measurementSeconds + "s per fork, "
        + rounds + " interleaved fork(s) per contender and benchmark; first call: median of " + firstCallRuns
        + " fresh JVMs per contender. Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "); load average "
        + loadBefore + " before, " + loadAverage() + " after.\n\n"
        + report.render() + "\nAll targets met: " + report.allTargetsMet() + "\n\n"
        + warmupVerdict(stillWarming) + "\n\nPer fork:\n\n" + perFork(samples);
    System.out.println();
    System.out.println(text);
    Files.createDirectories(reportFile.toAbsolutePath().getParent());
    Files.writeString(reportFile, text, StandardCharsets.UTF_8);
    System.out.println("Report written to " + reportFile);
  }

  private static void record(Map<Metric, Map<String, List<Double>>> samples, String benchmark, String contender,
                             RunResult result) {
    Metric timed = timedMetric(benchmark);
    add(samples, timed, contender, result.getPrimaryResult().getScore());
    // Allocation per call comes from the sequential runs only: one caller, no contention in the number.
    if (timed == Metric.GET_SEQUENTIAL) {
      add(samples, Metric.GET_ALLOCATION, contender, allocationPerCall(result));
    } else if (timed == Metric.REGENERATE_SEQUENTIAL) {
      add(samples, Metric.REGENERATE_ALLOCATION, contender, allocationPerCall(result));
    }
  }

  /** The metric a benchmark method's primary score is. */
  private static Metric timedMetric(String benchmark) {
    return switch (benchmark) {
      case "getApiKeysSequential" -> Metric.GET_SEQUENTIAL;
      case "regenerateApiKeySequential" -> Metric.REGENERATE_SEQUENTIAL;
      case "getApiKeysThreads8" -> Metric.GET_THREADS8;
      case "regenerateApiKeyThreads8" -> Metric.REGENERATE_THREADS8;
      default -> throw new IllegalStateException("unknown benchmark " + benchmark);
    };
  }


  /** Notes a fork whose measurement iterations were still improving, i.e. measured before steady state. */
  private static void checkWarmup(List<String> stillWarming, String benchmark, String contender, int round,
                                  RunResult result) {
    boolean lowerIsBetter = timedMetric(benchmark).lowerIsBetter();
    for (BenchmarkResult fork : result.getBenchmarkResults()) {
      List<Double> scores = fork.getIterationResults().stream()
          .map(iteration -> iteration.getPrimaryResult().getScore()).toList();
      if (WarmupCheck.stillWarmingUp(scores, lowerIsBetter)) {
        stillWarming.add(String.format(java.util.Locale.ROOT, "%s %s (round %d): %.0f%% better in its second half",
            benchmark, contender, round + 1, 100 * WarmupCheck.improvement(scores, lowerIsBetter)));
      }
    }
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
          values.stream().map(v -> String.format(java.util.Locale.ROOT, "%.1f", v)).toList()));
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
