package ai.spice.cloud.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.contract.Reports;
import ai.spice.cloud.spec.conformance.ConformanceChecker;
import ai.spice.cloud.spec.conformance.Interaction;
import ai.spice.cloud.spec.conformance.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs after the consumer tests: every produced interaction conforms to the current merged document. */
class PactConformanceGate {
  @Test
  void everyProducedInteractionConformsToTheCurrentDocument() {
    List<PactFile> pacts = ProducedPacts.read();
    List<Interaction> interactions = ProducedPacts.interactions(pacts);
    List<Violation> violations = new ConformanceChecker(OpenApiDocs.current()).check(interactions);
    StringBuilder report = new StringBuilder("Pact conformance against the current merged document\n");
    pacts.forEach(p -> report.append("  ").append(p.file()).append(": ").append(p.interactions().size())
        .append(" interaction(s), ").append(p.consumer()).append(" -> ").append(p.provider()).append('\n'));
    report.append('\n');
    interactions.forEach(i -> report.append(violations.stream().anyMatch(v -> v.interaction().equals(i.label()))
        ? "  FAIL " : "  ok   ").append(i.method()).append(' ').append(i.path()).append(" -> ").append(i.status())
        .append("  '").append(i.description()).append("'\n"));
    report.append(violations.isEmpty() ? "\nVERDICT: all " + interactions.size() + " interactions conform\n"
        : "\nVERDICT: " + violations.size() + " violation(s)\n"
            + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")) + "\n");
    Reports.write("conformance.txt", report.toString());
    assertThat(violations).as(report.toString()).isEmpty();
  }
}
