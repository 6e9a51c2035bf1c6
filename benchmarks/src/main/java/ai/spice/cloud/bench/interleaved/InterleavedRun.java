package ai.spice.cloud.bench.interleaved;

import ai.spice.cloud.bench.contenders.Contender;
import ai.spice.cloud.bench.contenders.Contenders;
import ai.spice.cloud.bench.report.Metric;
import ai.spice.cloud.bench.server.Fixtures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Run in a fresh JVM: every contender calls one operation against the fixture server, in {@link Turns}; first
 * a warm-up, then the measured cycles. The contenders share one connection pool, so they send on the same
 * connections to the same server threads: two instances of one contender, each on a connection of its own,
 * came out 17% apart in one run here; sharing them, within 1%. A name may end in {@code #x} for another
 * instance of the same contender (an A/A check of the measurement). Arguments: port, operation (its method stem, e.g. {@code getApiKeys}),
 * threads, contenders (comma-separated), warm-up seconds, measured seconds, calls per thread and block. Prints
 * one {@value #OUTPUT_PREFIX} line per measured block: contender, nanoseconds, bytes allocated, calls.
 */
public final class InterleavedRun {
  public static final String OUTPUT_PREFIX = "BLOCK ";

  private InterleavedRun() {}

  public static void main(String[] args) throws InterruptedException {
    String baseUrl = "http://127.0.0.1:" + Integer.parseInt(args[0]);
    Metric.Operation operation = operation(args[1]);
    int threads = Integer.parseInt(args[2]);
    OkHttpClient shared = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(2 * threads, 5, TimeUnit.MINUTES)) // none closed between turns
        .build();
    Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
    for (String name : args[3].split(",")) {
      Contender contender = Contenders.createChecked(name.split("#")[0], baseUrl, Fixtures.TOKEN, shared);
      calls.put(name, call(contender, operation));
    }
    Turns turns = new Turns(calls, threads, Integer.parseInt(args[6]), Turns.JVM);
    turns.run(TimeUnit.SECONDS.toNanos(Integer.parseInt(args[4])));
    StringBuilder out = new StringBuilder();
    Map<String, List<Turns.Block>> measured = turns.run(TimeUnit.SECONDS.toNanos(Integer.parseInt(args[5])));
    measured.forEach((name, blocks) -> blocks.forEach(
        block -> out.append(OUTPUT_PREFIX).append(name).append(' ').append(block.nanos()).append(' ')
            .append(block.bytes()).append(' ').append(turns.callsPerBlock()).append('\n')));
    // For a reader (the A/A check); the runner reads the blocks only.
    Map<String, InterleavedRunner.Summary> summaries =
        InterleavedRunner.summarise(measured, turns.callsPerBlock(), threads == 1);
    InterleavedRunner.Summary first = summaries.values().iterator().next();
    summaries.forEach((name, summary) -> out.append(String.format(Locale.ROOT,
        "%s: median block %.2f %s, paired ratio to the first %.3f over %d cycles%n", name, summary.value(),
        threads == 1 ? "us/call" : "calls/s", InterleavedRunner.pairedRatio(summary, first),
        summary.blocks().size())));
    System.out.print(out);
    System.out.flush();
    System.exit(0); // client libraries may leave non-daemon threads behind
  }

  static Metric.Operation operation(String method) {
    return Arrays.stream(Metric.Operation.values()).filter(o -> o.method().equals(method)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown operation " + method + ", expected one of "
            + Arrays.stream(Metric.Operation.values()).map(Metric.Operation::method).toList()));
  }

  static Supplier<Object> call(Contender contender, Metric.Operation operation) {
    return switch (operation) {
      case GET_WITH_PATH_PARAMETER -> contender::getApiKeys;
      case GET_WITHOUT_PARAMETERS -> contender::listRegions;
      case POST_WITH_BODY -> contender::regenerateApiKey;
      case POST_WITHOUT_BODY -> contender::regenerateApiKeyWithoutBody;
    };
  }

  /** For the runner: the arguments of one run. */
  static List<String> arguments(int port, Metric.Operation operation, int threads, List<String> contenders,
      Settings settings) {
    return List.of(Integer.toString(port), operation.method(), Integer.toString(threads),
        String.join(",", contenders), Integer.toString(settings.warmupSeconds()),
        Integer.toString(settings.measureSeconds()), Integer.toString(settings.callsPerBlock()));
  }

  /** How long one run warms up and measures, and the calls per thread in a block. */
  public record Settings(int warmupSeconds, int measureSeconds, int callsPerBlock) {
    @Override
    public String toString() {
      return warmupSeconds + " s warm-up, " + measureSeconds + " s measured in blocks of " + callsPerBlock
          + " calls per thread";
    }
  }
}
