package ai.spice.cloud.bench;

import ai.spice.cloud.bench.contenders.Contender;
import ai.spice.cloud.bench.contenders.Contenders;
import ai.spice.cloud.bench.server.Fixtures;
import ai.spice.cloud.bench.server.ServerProcess;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Every operation kind, per contender, in plain JMH: sequential time per call (one thread) and throughput with
 * 8 threads sharing one client. Not what the full run measures (that is {@code interleaved.Turns}): it is here
 * to profile one contender alone ({@code -prof gc}, {@code -prof jfr}), each {@code impl} in its own fork.
 *
 * <p>The server is the one named by {@code -Dbench.port}; without it, each fork starts its own fixture server
 * process.
 */
@State(Scope.Benchmark)
public class OperationsBenchmark {
  public static final String PORT_PROPERTY = "bench.port";

  @Param({Contenders.OURS, Contenders.FLOOR, Contenders.FLOOR_OUR_SETTINGS, Contenders.DEFAULT_GENERATED})
  public String impl;

  private ServerProcess ownServer;
  private Contender contender;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    String port = System.getProperty(PORT_PROPERTY);
    String baseUrl;
    if (port == null) {
      ownServer = ServerProcess.start();
      baseUrl = ownServer.baseUrl();
    } else {
      baseUrl = "http://127.0.0.1:" + Integer.parseInt(port);
    }
    contender = Contenders.createChecked(impl, baseUrl, Fixtures.TOKEN, new OkHttpClient());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (ownServer != null) {
      ownServer.close();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public Object getApiKeysSequential() {
    return contender.getApiKeys();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public Object listRegionsSequential() {
    return contender.listRegions();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public Object regenerateApiKeySequential() {
    return contender.regenerateApiKey();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public Object regenerateApiKeyWithoutBodySequential() {
    return contender.regenerateApiKeyWithoutBody();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(8)
  public Object getApiKeysThreads8() {
    return contender.getApiKeys();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(8)
  public Object listRegionsThreads8() {
    return contender.listRegions();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(8)
  public Object regenerateApiKeyThreads8() {
    return contender.regenerateApiKey();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(8)
  public Object regenerateApiKeyWithoutBodyThreads8() {
    return contender.regenerateApiKeyWithoutBody();
  }
}
