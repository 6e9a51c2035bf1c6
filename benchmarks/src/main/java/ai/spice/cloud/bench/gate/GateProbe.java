package ai.spice.cloud.bench.gate;

import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.compat.CompatibilityChecker;
import ai.spice.cloud.spec.compat.Gate;
import ai.spice.cloud.spec.compat.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Run in a fresh JVM, once, as the gate runs once per CI job. Arguments: mode, baseline file, current file.
 *
 * <ul>
 *   <li>{@code report}: from entering main to the plain-text report: both files read, {@link Gate#evaluate} (parse,
 *       compare, judge) and the report rendered. Prints {@code GATE_PROBE report=<ns> breaks=<n>}.
 *   <li>{@code compare}: both files read and parsed, then the comparison alone, each timed. Prints
 *       {@code GATE_PROBE parse=<ns> compare=<ns> breaks=<n>}.
 * </ul>
 *
 * JVM boot before main is left out (it is the same for any program; the first-call probes leave it out too).
 */
public final class GateProbe {
  public static final String OUTPUT_PREFIX = "GATE_PROBE ";
  public static final String REPORT = "report";
  public static final String COMPARE = "compare";

  private GateProbe() {}

  public static void main(String[] args) throws IOException {
    long start = System.nanoTime();
    String baseline = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
    String current = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
    String line;
    if (args[0].equals(REPORT)) {
      Verdict verdict = Gate.evaluate(new Gate.Inputs(new Gate.Source(args[1], baseline),
          new Gate.Source(args[2], current), null, null, null, LocalDate.now(ZoneOffset.UTC), false));
      String report = verdict.report();
      long elapsed = System.nanoTime() - start;
      line = REPORT + "=" + elapsed + " breaks=" + verdict.judgements().size() + " chars=" + report.length();
    } else if (args[0].equals(COMPARE)) {
      JsonNode a = OpenApiDocs.parse(baseline);
      JsonNode b = OpenApiDocs.parse(current);
      long parsed = System.nanoTime();
      CompatibilityChecker.Result result = CompatibilityChecker.compare(a, b);
      long compared = System.nanoTime();
      line = "parse=" + (parsed - start) + " " + COMPARE + "=" + (compared - parsed) + " breaks="
          + result.breaking().size();
    } else {
      throw new IllegalArgumentException("unknown mode " + args[0]);
    }
    System.out.println(OUTPUT_PREFIX + line);
  }
}
