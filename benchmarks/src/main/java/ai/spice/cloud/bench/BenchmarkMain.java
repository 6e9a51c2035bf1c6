package ai.spice.cloud.bench;

import ai.spice.cloud.bench.contenders.Contenders;
import ai.spice.cloud.bench.report.Metric;
import ai.spice.cloud.bench.report.RatioReport;
import ai.spice.cloud.bench.server.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One run of everything: JMH (sequential time, 8-thread throughput, allocation via the GC profiler) and first
 * calls in fresh JVMs, all against one loopback fixture server process; then the ratios ours / floor.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar [--quick] [--forks N] [--first-call-runs N]
 * [--report FILE]}. Quick mode is a smoke run (about a minute); numbers from it are not worth quoting.
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    Integer forks = null;
    Integer firstCallRuns = null;
    Path reportFile = Path.of("benchmarks", "target", "benchmark-report.md");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--forks" -> forks = Integer.parseInt(args[++i]);
        case "--first-call-runs" -> firstCallRuns = Integer.parseInt(args[++i]);
        case "--report" -> reportFile = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    int warmups = quick ? 1 : 3;
    int measurements = quick ? 2 : 5;
    forks = forks != null ? forks : (quick ? 1 : 2);
    firstCallRuns = firstCallRuns != null ? firstCallRuns : (quick ? 3 : 7);

    RatioReport report = new RatioReport();
    try (ServerProcess server = ServerProcess.start(32)) {
      ChainedOptionsBuilder options = new OptionsBuilder()
          .include(ApiKeysBenchmark.class.getName() + "\\.")
          .warmupIterations(warmups)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(measurements)
          .measurementTime(TimeValue.seconds(1))
          .forks(forks)
          .addProfiler(GCProfiler.class)
          .jvmArgsAppend("-D" + ApiKeysBenchmark.PORT_PROPERTY + "=" + server.port())
          .resultFormat(ResultFormatType.JSON)
          .result(reportFile.resolveSibling("jmh-result.json").toString());
      Collection<RunResult> results = new Runner(options.build()).run();
      for (RunResult result : results) {
        record(report, result);
      }

      FirstCallRunner firstCalls = new FirstCallRunner(server.port());
      firstCalls.medianMillis(Contenders.ALL, "get", firstCallRuns)
          .forEach((contender, millis) -> report.put(Metric.GET_FIRST_CALL, contender, millis));
      firstCalls.medianMillis(Contenders.ALL, "regenerate", firstCallRuns)
          .forEach((contender, millis) -> report.put(Metric.REGENERATE_FIRST_CALL, contender, millis));
    }

    String text = "Settings: " + warmups + " warmup x 1s, " + measurements + " measurement x 1s, " + forks
        + " fork(s); first call: median of " + firstCallRuns + " fresh JVMs per contender; "
        + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + "\n\n" + report.render() + "\nAll targets met: " + report.allTargetsMet() + "\n";
    System.out.println();
    System.out.println(text);
    Files.createDirectories(reportFile.toAbsolutePath().getParent());
    Files.writeString(reportFile, text, StandardCharsets.UTF_8);
    System.out.println("Report written to " + reportFile);
  }

  private static void record(RatioReport report, RunResult result) {
    String method = result.getParams().getBenchmark();
    method = method.substring(method.lastIndexOf('.') + 1);
    String contender = result.getParams().getParam("impl");
    double score = result.getPrimaryResult().getScore();
    switch (method) {
      case "getApiKeysSequential" -> {
        report.put(Metric.GET_SEQUENTIAL, contender, score);
        report.put(Metric.GET_ALLOCATION, contender, allocationPerCall(result));
      }
      case "regenerateApiKeySequential" -> {
        report.put(Metric.REGENERATE_SEQUENTIAL, contender, score);
        report.put(Metric.REGENERATE_ALLOCATION, contender, allocationPerCall(result));
      }
      case "getApiKeysThreads8" -> report.put(Metric.GET_THREADS8, contender, score);
      case "regenerateApiKeyThreads8" -> report.put(Metric.REGENERATE_THREADS8, contender, score);
      default -> { }
    }
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
}
