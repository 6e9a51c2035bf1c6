package ai.spice.cloud.spec.compat;

import java.util.stream.Collectors;

/** The human-readable verdict written to target/contract-reports/compatibility.txt and used as failure message. */
public final class CompatibilityReport {
  private CompatibilityReport() {}

  public static String render(CompatibilityChecker.Result result, String baseline, String current) {
    StringBuilder b = new StringBuilder();
    b.append("Breaking-change check\n  baseline: ").append(baseline).append("\n  current:  ").append(current)
        .append("\n\n");
    if (result.compatible()) {
      b.append("VERDICT: compatible, no change breaks an existing consumer.\n");
    } else {
      b.append("VERDICT: ").append(result.breaking().size()).append(" breaking change(s).\n\n");
      b.append(result.breaking().stream().map(Finding::describe).collect(Collectors.joining("\n\n"))).append("\n");
      b.append("\nAn intentional break needs a new major version and a reviewed baseline update"
          + " (spec/baseline/openapi.yaml), see README.\n");
    }
    b.append("\nNon-breaking changes noticed: ").append(result.changes().size()).append('\n');
    result.changes().forEach(c -> b.append("  - ").append(c.describe()).append('\n'));
    return b.toString();
  }
}
