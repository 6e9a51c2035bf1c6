package ai.spice.cloud.bench.logging;

import ai.spice.cloud.bench.server.Fixtures;
import ai.spice.cloud.bench.server.ServerProcess;
import ai.spice.cloud.client.LogLevel;
import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.api.SecretsApi;
import ai.spice.cloud.client.model.SecretList;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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

/**
 * Our client reading a secrets list just under its 1 MiB size cap (thousands of secret members and key-shaped
 * values, all of which FULL logging must mask), at FULL and at NONE: the difference is what logging the
 * request and the 1 MiB answer costs. Target: the FULL call within 50 ms.
 */
@State(Scope.Benchmark)
public class FullLoggingBenchmark {
  @Param({"FULL", "NONE"})
  public String level;

  private ServerProcess ownServer;
  private SecretsApi secrets;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    String port = System.getProperty("bench.port");
    if (port == null) {
      ownServer = ServerProcess.start();
    }
    String baseUrl = port == null ? ownServer.baseUrl() : "http://127.0.0.1:" + Integer.parseInt(port);
    secrets = SpiceCloudClient.builder().baseUrl(baseUrl).bearerToken(Fixtures.TOKEN)
        .logLevel(LogLevel.valueOf(level)).build().secrets();
    long before = DiscardingLogs.chars();
    int count = secrets.listSecrets(Fixtures.APP_ID).getSecrets().size();
    long logged = DiscardingLogs.chars() - before;
    // At FULL the answer is logged (masked keys make it shorter); at NONE nothing is.
    if (count < 1000 || (level.equals("FULL") ? logged < Fixtures.LARGE_SECRETS_JSON.length / 2 : logged != 0)) {
      throw new IllegalStateException(count + " secrets, " + logged + " characters logged at " + level);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (ownServer != null) {
      ownServer.close();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public SecretList listOneMebibyteOfSecrets() {
    return secrets.listSecrets(Fixtures.APP_ID);
  }
}
