package ai.spice.cloud.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.contract.Reports;
import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.conformance.Conformance;
import ai.spice.cloud.spec.conformance.Interaction;
import ai.spice.cloud.spec.conformance.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs after the consumer tests: every produced interaction conforms to the current merged document, or, where
 * upstream changed in a way the breaking-change gate judged harmless, to the baseline (listed as to be
 * updated; see {@link Conformance}).
 */
class PactConformanceGate {
  @Test
  void everyProducedInteractionConformsToTheCurrentDocument() {
    List<PactFile> pacts = ProducedPacts.read();
    List<Interaction> interactions = ProducedPacts.interactions(pacts);
    Conformance conformance = new Conformance(OpenApiDocs.current(), OpenApiDocs.baseline());
    StringBuilder report = new StringBuilder("Pact conformance against the current merged document\n");
    pacts.forEach(p -> report.append("  ").append(p.file()).append(": ").append(p.interactions().size())
        .append(" interaction(s), ").append(p.consumer()).append(" -> ").append(p.provider()).append('\n'));
    report.append('\n');
    List<Violation> violations = new java.util.ArrayList<>();
    List<Violation> tolerated = new java.util.ArrayList<>();
    for (Interaction i : interactions) {
      Conformance.Outcome o = conformance.check(i);
      violations.addAll(o.violations());
      tolerated.addAll(o.tolerated());
      report.append(!o.conforms() ? "  FAIL " : o.tolerated().isEmpty() ? "  ok   " : "  STALE ").append(i.method())
          .append(' ').append(i.path()).append(" -> ").append(i.status()).append("  '").append(i.description())
          .append("'\n");
    }
    report.append(violations.isEmpty() ? "\nVERDICT: all " + interactions.size() + " interactions conform\n"
        : "\nVERDICT: " + violations.size() + " violation(s)\n"
            + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")) + "\n");
    if (!tolerated.isEmpty()) {
      report.append("\nSTALE: conform to the baseline but not to the current document, a change the"
          + " breaking-change gate judged harmless; bring these interactions up to date:\n")
          .append(tolerated.stream().map(v -> "  " + v).collect(Collectors.joining("\n"))).append('\n');
    }
    Reports.write("conformance.txt", report.toString());
    assertThat(violations).as(report.toString()).isEmpty();
  }
}
