package ai.spice.cloud.contract.pact;

import static ai.spice.cloud.spec.compat.TestDocs.PATH_PTR;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.compat.TestDocs;
import ai.spice.cloud.spec.conformance.Conformance;
import ai.spice.cloud.spec.conformance.Interaction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conformance to the current document, tolerating what the baseline allows. */
class ConformanceTest {
  private static final List<Interaction> VALID =
      PactFile.read(ConformanceCheckerTest.fixture("valid/valid.json")).interactions();

  private static Interaction withNullSecondaryKey() {
    return VALID.stream().filter(i -> i.responseBody() != null && i.responseBody().path("api_key_2").isNull())
        .findFirst().orElseThrow();
  }

  @Test
  void whatFitsTheCurrentDocumentConforms() {
    Conformance.Outcome o = new Conformance(TestDocs.baseline(), TestDocs.baseline()).check(VALID);
    assertThat(o.violations()).isEmpty();
    assertThat(o.tolerated()).isEmpty();
  }

  @Test
  void whatOnlyTheReleasedBaselineAllowsIsToleratedAndListed() {
    // Upstream no longer sends null keys: harmless for consumers, the pact still shows a null secondary key.
    ObjectNode current = TestDocs.edited(d -> TestDocs.prop(d, "ApiKeys", "api_key_2").put("type", "string"));

    Conformance.Outcome o = new Conformance(current, TestDocs.baseline()).check(withNullSecondaryKey());

    assertThat(o.conforms()).isTrue();
    assertThat(o.tolerated()).singleElement().asString().contains("response body is invalid");
  }

  @Test
  void whatFitsNeitherDocumentIsAViolation() {
    ObjectNode stricter = TestDocs.edited(d -> TestDocs.prop(d, "ApiKeys", "api_key_2").put("type", "string"));

    Conformance.Outcome o = new Conformance(stricter, stricter).check(withNullSecondaryKey());

    assertThat(o.conforms()).isFalse();
    assertThat(o.tolerated()).isEmpty();
  }

  @Test
  void anErrorStatusUpstreamStoppedDocumentingIsTolerated() {
    Interaction notFound = VALID.stream().filter(i -> i.status() == 404).findFirst().orElseThrow();
    ObjectNode current = TestDocs.edited(d -> TestDocs.obj(d, PATH_PTR + "/get/responses").remove("404"));

    Conformance.Outcome o = new Conformance(current, TestDocs.baseline()).check(notFound);

    assertThat(o.conforms()).isTrue();
    assertThat(o.tolerated()).singleElement().asString().contains("undocumented status 404");
  }
}
