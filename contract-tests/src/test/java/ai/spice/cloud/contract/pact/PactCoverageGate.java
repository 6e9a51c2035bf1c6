package ai.spice.cloud.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.contract.Reports;
import ai.spice.cloud.spec.conformance.Interaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs after the consumer tests: every operation and response code of the released baseline is exercised. */
class PactCoverageGate {
  @Test
  void producedPactsExerciseEveryDocumentedResponseOfTheBaseline() {
    List<Interaction> interactions = ProducedPacts.interactions(ProducedPacts.read());
    Coverage.Result result = Coverage.compute(OpenApiDocs.baseline(), OpenApiDocs.current(), interactions);
    String report = Coverage.render(result, interactions.size());
    Reports.write("coverage.txt", report);
    assertThat(result.missing()).as(report).isEmpty();
    assertThat(result.percent()).isEqualTo(100.0);
  }
}
