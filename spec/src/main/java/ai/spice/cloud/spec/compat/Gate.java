package ai.spice.cloud.spec.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The breaking-change gate: the freshly derived document against the released baseline. It runs in the spec
 * module's build right after the document is derived, before anything is generated or compiled from it, so a
 * change that breaks consumers fails here, with the finding, and not later for a side reason.
 */
public final class Gate {
  /** The report file written on every run, pass or fail. */
  public static final String REPORT = "compatibility.txt";

  private Gate() {}

  /** The verdict and its rendered report. */
  public record Verdict(CompatibilityChecker.Result result, String report) {
    public boolean passed() {
      return result.compatible();
    }
  }

  public static Verdict evaluate(JsonNode baseline, JsonNode current, String baselineName, String currentName) {
    CompatibilityChecker.Result result = CompatibilityChecker.compare(baseline, current);
    return new Verdict(result, CompatibilityReport.render(result, baselineName, currentName));
  }

  /** Writes the report to {@code reportsDir} and returns the verdict; the caller decides how to fail. */
  public static Verdict run(JsonNode baseline, JsonNode current, String baselineName, String currentName,
      Path reportsDir) {
    Verdict verdict = evaluate(baseline, current, baselineName, currentName);
    try {
      Files.createDirectories(reportsDir);
      Files.writeString(reportsDir.resolve(REPORT), verdict.report(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return verdict;
  }
}
