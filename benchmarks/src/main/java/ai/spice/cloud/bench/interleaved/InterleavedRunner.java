package ai.spice.cloud.bench.interleaved;

import ai.spice.cloud.bench.contenders.Contenders;
import ai.spice.cloud.bench.report.Medians;
import ai.spice.cloud.bench.report.Metric;
import ai.spice.cloud.bench.server.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link InterleavedRun} in a fresh JVM per operation and measure, and sums its blocks up per
 * contender: the median block, as time per call for one thread or calls per second for eight.
 */
public final class InterleavedRunner {
  /**
   * One contender in one run: the median over its blocks ({@code us/call} or {@code calls/s}), the median
   * allocation per call, and the blocks' values in the order measured (for the warm-up check).
   */
  public record Summary(double value, double bytesPerCall, List<Double> blocks) {}

  private final int port;
  private final InterleavedRun.Settings settings;

  public InterleavedRunner(int port, InterleavedRun.Settings settings) {
    this.port = port;
    this.settings = settings;
  }

  /**
   * @param measure {@link Metric.Measure#SEQUENTIAL} (one thread) or {@link Metric.Measure#THREADS8}
   * @param output where to keep the run's blocks for a later look, or null
   */
  public Map<String, Summary> run(Metric.Operation operation, Metric.Measure measure, List<String> contenders,
      Path output) throws IOException, InterruptedException {
    int threads = switch (measure) {
      case SEQUENTIAL -> 1;
      case THREADS8 -> 8;
      default -> throw new IllegalArgumentException(measure + " is not measured in turns");
    };
    List<String> taking = contenders.stream().filter(c -> operation != Metric.Operation.POST_WITHOUT_BODY
        || !c.equals(Contenders.DEFAULT_GENERATED)).toList(); // it cannot send it
    List<String> command = new ArrayList<>(List.of(ServerProcess.javaExecutable(),
        "-cp", System.getProperty("java.class.path"), InterleavedRun.class.getName()));
    command.addAll(InterleavedRun.arguments(port, operation, threads, taking, settings));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String blocks;
    try (InputStream in = process.getInputStream()) {
      blocks = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(settings.warmupSeconds() + settings.measureSeconds() + 120L, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("interleaved run of " + operation.method() + " did not finish");
    }
    if (process.exitValue() != 0) {
      throw new IOException("interleaved run of " + operation.method() + " failed:\n" + blocks);
    }
    if (output != null) {
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, blocks, StandardCharsets.UTF_8);
    }
    return summarise(blocks, threads == 1);
  }

  /** Parses the run's block lines; one thread gives us/call, more give calls/s. */
  static Map<String, Summary> summarise(String output, boolean sequential) {
    Map<String, List<Turns.Block>> blocks = new LinkedHashMap<>();
    int calls = 0;
    for (String line : output.split("\\R")) {
      if (line.startsWith(InterleavedRun.OUTPUT_PREFIX)) {
        String[] fields = line.substring(InterleavedRun.OUTPUT_PREFIX.length()).trim().split(" ");
        blocks.computeIfAbsent(fields[0], c -> new ArrayList<>())
            .add(new Turns.Block(Long.parseLong(fields[1]), Long.parseLong(fields[2])));
        calls = Integer.parseInt(fields[3]);
      }
    }
    if (blocks.isEmpty()) {
      throw new IllegalStateException("the run printed no blocks:\n" + output);
    }
    return summarise(blocks, calls, sequential);
  }

  /** Per contender: its blocks as us/call (one thread) or calls/s, their median and the median B/call. */
  static Map<String, Summary> summarise(Map<String, List<Turns.Block>> blocks, int callsPerBlock,
      boolean sequential) {
    Map<String, Summary> summaries = new LinkedHashMap<>();
    blocks.forEach((contender, measured) -> {
      List<Double> values = measured.stream().map(b -> sequential ? b.nanos() / 1_000.0 / callsPerBlock
          : callsPerBlock * 1e9 / b.nanos()).toList();
      List<Double> bytes = measured.stream().map(b -> (double) b.bytes() / callsPerBlock).toList();
      summaries.put(contender, new Summary(Medians.of(values), Medians.of(bytes), values));
    });
    return summaries;
  }

  /**
   * The median over cycles of {@code ours / other}, block by block of the same cycle: a burst of load that
   * slows one cycle slows both blocks of it, so it leaves their quotient alone.
   */
  public static double pairedRatio(Summary ours, Summary other) {
    return Medians.of(quotients(ours, other));
  }

  /** {@code ours / other} per cycle, in the order measured. */
  public static List<Double> quotients(Summary ours, Summary other) {
    int cycles = Math.min(ours.blocks().size(), other.blocks().size());
    List<Double> quotients = new ArrayList<>(cycles);
    for (int i = 0; i < cycles; i++) {
      quotients.add(ours.blocks().get(i) / other.blocks().get(i));
    }
    return quotients;
  }

}
