package ai.spice.cloud.contract.compat;

import static org.assertj.core.api.Assertions.fail;

import ai.spice.cloud.contract.OpenApiDocs;
import ai.spice.cloud.contract.Reports;
import ai.spice.cloud.contract.TestDocs;
import org.junit.jupiter.api.Test;

/**
 * The gate: the merged document shipped in spice-cloud-spec must not break consumers of the released baseline.
 * An intentional break means a new major version and a reviewed update of contract-tests/baseline/openapi.yaml.
 */
class BaselineCompatibilityTest {
  @Test
  void currentSpecBreaksNoConsumerOfTheReleasedBaseline() {
    CompatibilityChecker.Result result = CompatibilityChecker.compare(TestDocs.baseline(), OpenApiDocs.current());
    String report = CompatibilityReport.render(result, TestDocs.baselineFile().toString(),
        OpenApiDocs.currentSource());
    Reports.write("compatibility.txt", report);
    if (!result.compatible()) {
      fail(report);
    }
  }
}
