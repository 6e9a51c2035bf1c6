package ai.spice.cloud.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.contract.Reports;
import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.conformance.Interaction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs after the consumer tests: every operation and response code of the baseline is exercised. What
 * the current document adds (say, an operation the scheduled sync just imported) is listed without failing the
 * build, until it is released: a release (-Dcontract.coverage.release=true, set by .ci/release) gates on the
 * current document in full, because it becomes the next baseline.
 */
class PactCoverageGate {
  @Test
  void producedPactsExerciseEveryDocumentedResponseOfTheBaseline() {
    List<Interaction> interactions = ProducedPacts.interactions(ProducedPacts.read());
    boolean release = Boolean.getBoolean("contract.coverage.release");
    JsonNode gated = release ? OpenApiDocs.current() : OpenApiDocs.baseline();
    Coverage.Result result = Coverage.compute(gated, OpenApiDocs.current(), interactions);
    String report = (release ? "Releasing: the current document becomes the baseline and is gated in full.\n\n" : "")
        + Coverage.render(result, interactions.size());
    Reports.write("coverage.txt", report);
    assertThat(result.missing()).as(report).isEmpty();
    assertThat(result.percent()).isEqualTo(100.0);
  }
}
