package ai.spice.cloud.bench.interleaved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.bench.contenders.Contenders;
import ai.spice.cloud.bench.report.Metric;
import ai.spice.cloud.bench.server.FixtureServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A short real run in a fresh JVM against the fixture server: the plumbing, not the figures. */
class InterleavedRunnerTest {
  private static final InterleavedRun.Settings SHORT = new InterleavedRun.Settings(1, 1, 20);
  private static FixtureServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = FixtureServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void everyContenderIsMeasuredOnTheServer() throws Exception {
    long servedBefore = server.served();

    Map<String, InterleavedRunner.Summary> run = new InterleavedRunner(server.port(), SHORT)
        .run(Metric.Operation.GET_WITH_PATH_PARAMETER, Metric.Measure.SEQUENTIAL, Contenders.DEFAULT_RUN, null);

    assertEquals(Contenders.DEFAULT_RUN, List.copyOf(run.keySet()));
    run.forEach((contender, summary) -> {
      assertTrue(summary.value() > 1 && summary.value() < 100_000, contender + ": " + summary.value() + " us/call");
      assertTrue(summary.bytesPerCall() > 1_000, contender + " allocated " + summary.bytesPerCall() + " B/call");
      assertTrue(summary.blocks().size() >= 2, contender + ": " + summary.blocks().size() + " blocks");
    });
    long measured = run.values().stream().mapToLong(s -> s.blocks().size() * 20L).sum();
    assertTrue(server.served() - servedBefore > measured, "the server answered every measured call");
  }

  @Test
  void eightThreadsGiveCallsPerSecondAndLeaveOutWhatAContenderCannotSend() throws Exception {
    Map<String, InterleavedRunner.Summary> run = new InterleavedRunner(server.port(), SHORT)
        .run(Metric.Operation.POST_WITHOUT_BODY, Metric.Measure.THREADS8,
            List.of(Contenders.OURS, Contenders.DEFAULT_GENERATED), null);

    assertEquals(List.of(Contenders.OURS), List.copyOf(run.keySet()));
    assertTrue(run.get(Contenders.OURS).value() > 10, run.get(Contenders.OURS).value() + " calls/s");
  }

  @Test
  void aContenderThatCannotRoundTripFailsTheRunWithItsAnswer() {
    IOException failure = assertThrows(IOException.class, () -> new InterleavedRunner(1, SHORT)
        .run(Metric.Operation.GET_WITHOUT_PARAMETERS, Metric.Measure.SEQUENTIAL, List.of(Contenders.FLOOR), null));

    assertTrue(failure.getMessage().contains("interleaved run of listRegions failed"), failure.getMessage());
    assertTrue(failure.getMessage().contains("Exception"), failure.getMessage());
  }
}
