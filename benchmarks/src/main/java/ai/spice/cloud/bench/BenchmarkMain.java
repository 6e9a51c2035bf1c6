package ai.spice.cloud.bench;

import ai.spice.cloud.bench.contenders.Contenders;
import ai.spice.cloud.bench.gate.GateBenchmark;
import ai.spice.cloud.bench.gate.GateColdRunner;
import ai.spice.cloud.bench.gate.GatePair;
import ai.spice.cloud.bench.gate.GateReport;
import ai.spice.cloud.bench.interleaved.InterleavedRun;
import ai.spice.cloud.bench.interleaved.InterleavedRunner;
import ai.spice.cloud.bench.logging.FullLoggingBenchmark;
import ai.spice.cloud.bench.report.Medians;
import ai.spice.cloud.bench.report.Metric;
import ai.spice.cloud.bench.report.RatioReport;
import ai.spice.cloud.bench.report.WarmupCheck;
import ai.spice.cloud.bench.server.ServerProcess;
import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.compat.CompatibilityChecker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One run of everything against one loopback fixture server process: for every operation kind, sequential
 * time and allocation per call and 8-thread throughput, with the contenders taking turns in one JVM per
 * operation and measure ({@link InterleavedRunner}); FULL logging of a 1 MiB body (JMH); first calls in fresh
 * JVMs; then the ratios ours / floor and ours / floor on our settings; last, the breaking-change gate's wire
 * comparison of a ~500-line pair and of ten times it (cold in fresh JVMs, warm with JMH; {@code --gate} runs only it).
 *
 * <p>Why turns and not one JMH fork per contender: this 2-core machine is shared, and load that drifts between
 * forks run one after another lands in the ratio (two floors that differ only in their timeouts came out
 * 12-18% apart that way). Turns of tens of milliseconds give every contender the same load. A contender's
 * score is the mean over rounds of its median block.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar [--quick] [--rounds N] [--first-call-runs N]
 * [--contenders a,b,...] [--gate] [--gate-runs N] [--report FILE]}. Quick mode is a smoke run; its numbers are not
 * worth quoting.
 */
public final class BenchmarkMain {
  /** The target on FULL logging of the 1 MiB body, milliseconds per call. */
  static final double FULL_LOGGING_TARGET_MILLIS = 50;

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    Integer rounds = null;
    Integer firstCallRuns = null;
    boolean gateOnly = false;
    Integer gateRuns = null;
    List<String> contenders = Contenders.DEFAULT_RUN;
    Path reportFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--first-call-runs" -> firstCallRuns = Integer.parseInt(args[++i]);
        case "--contenders" -> contenders = Arrays.asList(args[++i].split(","));
        case "--gate" -> gateOnly = true;
        case "--gate-runs" -> gateRuns = Integer.parseInt(args[++i]);
        case "--report" -> reportFile = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (reportFile == null) {
      reportFile = Path.of("benchmarks", "target", gateOnly ? "gate-report.md" : "benchmark-report.md");
    }
    Settings jmh = quick ? new Settings(1, 2, 2, 1) : new Settings(4, 5, 5, 2);
    gateRuns = gateRuns != null ? gateRuns : (quick ? 3 : 9);
    if (gateOnly) {
      String loadBefore = loadAverage();
      String gate = gate(jmh, gateRuns, reportFile);
      write(reportFile, "Machine: " + machine(loadBefore) + "\n\n" + gate + "\n");
      return;
    }
    if (!contenders.containsAll(List.of(Contenders.OURS, Contenders.FLOOR))) {
      throw new IllegalArgumentException("--contenders must include " + Contenders.OURS + " and " + Contenders.FLOOR);
    }
    // Full mode warms up 30 s per run, 10 s of calls per contender (the warm-up check flags a run that was not
    // at steady state); JMH measures FULL logging only.
    InterleavedRun.Settings interleaved = quick ? new InterleavedRun.Settings(5, 5, 100)
        : new InterleavedRun.Settings(30, 40, 200);
    rounds = rounds != null ? rounds : (quick ? 1 : 2);
    firstCallRuns = firstCallRuns != null ? firstCallRuns : (quick ? 3 : 7);
    String loadBefore = loadAverage();

    Map<Metric, Map<String, List<Double>>> samples = new LinkedHashMap<>();
    Map<Metric, Map<String, List<Double>>> ratios = new LinkedHashMap<>(); // ours / versus, per round
    Map<String, List<Double>> logging = new LinkedHashMap<>();
    List<String> stillWarming = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start()) {
      InterleavedRunner turns = new InterleavedRunner(server.port(), interleaved);
      for (int round = 0; round < rounds; round++) {
        for (Metric.Measure measure : List.of(Metric.Measure.SEQUENTIAL, Metric.Measure.THREADS8)) {
          for (Metric.Operation operation : Metric.Operation.values()) {
            Metric timed = new Metric(operation, measure);
            int r = round + 1;
            Path blocks = reportFile.toAbsolutePath().resolveSibling("turns")
                .resolve(operation.method() + "-" + measure.name().toLowerCase(Locale.ROOT) + "-" + r + ".txt");
            Map<String, InterleavedRunner.Summary> run = turns.run(operation, measure, contenders, blocks);
            InterleavedRunner.Summary ours = run.get(Contenders.OURS);
            for (String versus : List.of(Contenders.FLOOR, Contenders.FLOOR_OUR_SETTINGS)) {
              if (run.containsKey(versus)) {
                List<Double> quotients = InterleavedRunner.quotients(ours, run.get(versus));
                add(ratios, timed, versus, Medians.of(quotients));
                checkWarmup(stillWarming, timed.label() + ", ours / " + versus + " (round " + r + ")", quotients);
              }
            }
            run.forEach((contender, summary) -> {
              add(samples, timed, contender, summary.value());
              if (measure == Metric.Measure.SEQUENTIAL) { // one caller: no contention in the number
                add(samples, new Metric(operation, Metric.Measure.ALLOCATION), contender, summary.bytesPerCall());
              }
            });
          }
        }
        for (String level : List.of("FULL", "NONE")) {
          RunResult result = jmh(jmh, FullLoggingBenchmark.class.getName() + "\\.", o -> o.param("level", level)
              .jvmArgsAppend("-D" + OperationsBenchmark.PORT_PROPERTY + "=" + server.port())).iterator().next();
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
    ratios.forEach((metric, byVersus) -> byVersus.forEach(
        (versus, values) -> report.putRatio(metric, versus, mean(values))));
    String text = "Settings: per operation and measure, " + rounds + " run(s) of " + interleaved + ", the"
        + " contenders taking turns on shared connections; a sequential or 8-thread ratio is the median over a"
        + " run's cycles of ours / the other in the same cycle, averaged over the runs. FULL logging with JMH, "
        + jmh + " per fork. Contenders " + contenders + "; first call: median of " + firstCallRuns
        + " fresh JVMs per contender. Machine: " + machine(loadBefore) + "\n\n"
        + report.render() + "\nAll targets met: " + report.allTargetsMet() + "\n\n"
        + loggingVerdict(logging) + "\n\n" + warmupVerdict(stillWarming)
        + "\n\nPer round (the median block of each run, and the paired ratios):\n\n" + perRound(samples, null)
        + perRound(ratios, "ours /") + "\n" + gate(jmh, gateRuns, reportFile) + "\n";
    write(reportFile, text);
  }

  private static void write(Path reportFile, String text) throws IOException {
    System.out.println();
    System.out.println(text);
    Files.createDirectories(reportFile.toAbsolutePath().getParent());
    Files.writeString(reportFile, text, StandardCharsets.UTF_8);
    System.out.println("Report written to " + reportFile);
  }

  private static String machine(String loadBefore) {
    return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + " ("
        + System.getProperty("java.vm.name") + "); load average " + loadBefore + " before, " + loadAverage()
        + " after.";
  }

  /**
   * The gate's wire comparison per size: cold in {@code runs} fresh JVMs per mode (on the pair written next to the
   * report, in gate-inputs/, where the gate jar can be run on it by hand), warm with JMH.
   */
  private static String gate(Settings settings, int runs, Path reportFile) throws Exception {
    Map<Integer, GatePair> pairs = new LinkedHashMap<>();
    Map<Integer, GateColdRunner.Input> inputs = new LinkedHashMap<>();
    Path dir = reportFile.toAbsolutePath().resolveSibling("gate-inputs");
    for (int copies : GatePair.SIZES) {
      GatePair pair = GatePair.of(copies);
      Path[] files = pair.write(dir);
      int breaks = CompatibilityChecker.compare(OpenApiDocs.parse(pair.baseline()), OpenApiDocs.parse(pair.current()))
          .breaking().size();
      pairs.put(copies, pair);
      inputs.put(copies, new GateColdRunner.Input(files[0], files[1], breaks));
    }
    Map<Integer, GateColdRunner.Cold> cold = GateColdRunner.medians(inputs, runs);
    Map<String, GateReport.Warm> warm = new HashMap<>(); // by method and copies
    String include = GateBenchmark.class.getName() + "\\.";
    for (RunResult result : jmh(settings, include, o -> o.addProfiler(GCProfiler.class))) {
      String method = result.getParams().getBenchmark();
      warm.put(method.substring(method.lastIndexOf('.') + 1) + result.getParams().getParam("copies"),
          new GateReport.Warm(result.getPrimaryResult().getScore(),
              result.getSecondaryResults().get("gc.alloc.rate.norm").getScore()));
    }
    List<GateReport.Size> sizes = new ArrayList<>();
    pairs.forEach((copies, pair) -> sizes.add(new GateReport.Size(copies, GatePair.lines(pair.baseline()),
        GatePair.lines(pair.current()), inputs.get(copies).breaks(), cold.get(copies),
        warm.get("parseAndCompare" + copies), warm.get("compareOnly" + copies))));
    return GateReport.render(sizes, "cold: median of " + runs + " fresh JVMs per size and mode; warm: JMH average"
        + " time and its GC profiler's bytes per operation, " + settings + ", 1 fork");
  }

  /** Warm-up and measurement per fork. */
  record Settings(int warmups, int warmupSeconds, int measurements, int measurementSeconds) {
    @Override
    public String toString() {
      return warmups + " warmup x " + warmupSeconds + "s, " + measurements + " measurement x " + measurementSeconds + "s";
    }
  }

  private static Collection<RunResult> jmh(Settings settings, String include,
      UnaryOperator<ChainedOptionsBuilder> more) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder().include(include)
        .warmupIterations(settings.warmups())
        .warmupTime(TimeValue.seconds(settings.warmupSeconds()))
        .measurementIterations(settings.measurements())
        .measurementTime(TimeValue.seconds(settings.measurementSeconds()))
        .forks(1)
        .shouldFailOnError(true);
    return new Runner(more.apply(options).build()).run();
  }

  /** Notes a run whose ratio moved between the halves of its cycles, i.e. measured before steady state. */
  private static void checkWarmup(List<String> stillWarming, String run, List<Double> quotients) {
    if (WarmupCheck.drifting(quotients)) {
      stillWarming.add(String.format(Locale.ROOT, "%s: the ratio moved by %+.1f%% from the first half of the"
          + " cycles to the second", run, 100 * WarmupCheck.drift(quotients)));
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
      return "Warm-up check: every run was at steady state (no paired ratio moved by more than "
          + Math.round(100 * WarmupCheck.MAX_DRIFT) + "% from the first half of its cycles to the second).";
    }
    return "Warm-up check: " + stillWarming.size() + " run(s) still warming up while measured (rerun with a "
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

  /** @param ratio null for raw values in the metric's unit, else the words before each contender's ratios */
  private static String perRound(Map<Metric, Map<String, List<Double>>> samples, String ratio) {
    StringBuilder out = new StringBuilder();
    samples.forEach((metric, byContender) -> {
      out.append("- ").append(metric.label()).append(" (").append(ratio == null ? metric.unit() : "ratio")
          .append("):");
      byContender.forEach((contender, values) -> out.append(' ').append(ratio == null ? "" : ratio + " ")
          .append(contender).append(' ').append(values.stream()
              .map(v -> String.format(Locale.ROOT, ratio == null ? "%.1f" : "%.3f", v)).toList()));
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
