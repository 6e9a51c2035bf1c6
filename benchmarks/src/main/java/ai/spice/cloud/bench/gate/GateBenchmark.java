package ai.spice.cloud.bench.gate;

import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.compat.CompatibilityChecker;
import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * The breaking-change gate's wire comparison at steady state: both documents parsed from their YAML text and
 * compared (what the build's gate does with them before it judges the findings), and the comparison alone on
 * documents parsed once. {@code copies} 1 is a pair of about 500 lines, 10 one of about 5,000 (issue 20).
 */
@State(Scope.Benchmark)
public class GateBenchmark {
  @Param({"1", "10"})
  public int copies;

  private GatePair pair;
  private JsonNode baseline;
  private JsonNode current;

  @Setup(Level.Trial)
  public void setUp() {
    pair = GatePair.of(copies);
    baseline = OpenApiDocs.parse(pair.baseline());
    current = OpenApiDocs.parse(pair.current());
    if (CompatibilityChecker.compare(baseline, current).compatible()) {
      throw new IllegalStateException("the gate finds no break in the pair: it would not measure the reporting path");
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public CompatibilityChecker.Result parseAndCompare() {
    return CompatibilityChecker.compare(OpenApiDocs.parse(pair.baseline()), OpenApiDocs.parse(pair.current()));
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public CompatibilityChecker.Result compareOnly() {
    return CompatibilityChecker.compare(baseline, current);
  }
}
