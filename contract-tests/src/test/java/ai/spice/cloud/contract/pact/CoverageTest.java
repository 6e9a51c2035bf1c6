package ai.spice.cloud.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.compat.TestDocs;
import ai.spice.cloud.spec.conformance.Interaction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {
  private static final List<Interaction> VALID =
      PactFile.read(ConformanceCheckerTest.fixture("valid/valid.json")).interactions();

  @Test
  void countsEveryDocumentedResponseOfTheBaselineAndNamesTheGaps() {
    Coverage.Result r = Coverage.compute(TestDocs.baseline(), TestDocs.baseline(), VALID);
    assertThat(r.baseline()).hasSize(12);
    assertThat(r.complete()).isFalse();
    assertThat(r.missing()).extracting(Coverage.Item::key).containsExactly(
        "GET /v1/apps/{appId}/api-keys 400", "GET /v1/apps/{appId}/api-keys 403", "GET /v1/apps/{appId}/api-keys 500",
        "POST /v1/apps/{appId}/api-keys 401", "POST /v1/apps/{appId}/api-keys 403",
        "POST /v1/apps/{appId}/api-keys 404", "POST /v1/apps/{appId}/api-keys 500");
    assertThat(r.percent()).isEqualTo(5 * 100.0 / 12);
    assertThat(Coverage.render(r, VALID.size())).contains("5 of 12", "NOT COVERED  POST /v1/apps/{appId}/api-keys 500",
        "VERDICT: FAILED");
  }

  @Test
  void listsWhatTheCurrentDocumentAddsWithoutGatingOnIt() {
    ObjectNode current = TestDocs.edited(d -> {
      TestDocs.obj(d, TestDocs.PATH_PTR + "/get/responses").putObject("429").put("description", "Too many requests");
      TestDocs.obj(d, "/paths").putObject("/v1/apps").putObject("get").putObject("responses").putObject("200")
          .put("description", "apps");
    });
    Coverage.Result r = Coverage.compute(TestDocs.baseline(), current, VALID);
    assertThat(r.addedSinceBaseline()).extracting(Coverage.Item::key)
        .containsExactly("GET /v1/apps/{appId}/api-keys 429", "GET /v1/apps 200");
    assertThat(r.baseline()).hasSize(12);
    assertThat(Coverage.render(r, VALID.size())).contains("not yet covered  GET /v1/apps 200");
  }

  @Test
  void unknownInteractionsCoverNothing() {
    List<Interaction> unknown = PactFile.read(ConformanceCheckerTest.fixture("negative/unknown-path.json"))
        .interactions();
    Coverage.Result r = Coverage.compute(TestDocs.baseline(), TestDocs.baseline(), unknown);
    assertThat(r.missing()).hasSize(12);
  }
}
