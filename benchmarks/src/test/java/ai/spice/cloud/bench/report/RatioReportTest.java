package ai.spice.cloud.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.bench.contenders.Contenders;
import ai.spice.cloud.bench.report.Metric.Measure;
import ai.spice.cloud.bench.report.Metric.Operation;
import org.junit.jupiter.api.Test;

class RatioReportTest {
  private static final Metric GET_SEQUENTIAL = new Metric(Operation.GET_WITH_PATH_PARAMETER, Measure.SEQUENTIAL);
  private static final Metric POST_THREADS8 = new Metric(Operation.POST_WITHOUT_BODY, Measure.THREADS8);

  private static RatioReport report(Metric metric, double ours, double floor, double floorSettings) {
    return new RatioReport().put(metric, Contenders.OURS, ours).put(metric, Contenders.FLOOR, floor)
        .put(metric, Contenders.FLOOR_OUR_SETTINGS, floorSettings);
  }

  @Test
  void sequentialTimeWithinBothBoundsIsMet() {
    RatioReport report = report(GET_SEQUENTIAL, 109, 100, 104);

    RatioReport.Line line = report.lines().get(0);

    assertEquals(1.09, line.versusFloor(), 1e-9);
    assertEquals(109.0 / 104, line.versusFloorSettings(), 1e-9);
    assertTrue(line.met());
    assertTrue(report.allTargetsMet());
    assertTrue(report.render().contains("| 1.090 | <= 1.10x | 1.048 | <= 1.05x | MET |"), report.render());
  }

  @Test
  void aRatioMeasuredInPairsTakesThePlaceOfTheQuotient() {
    RatioReport report = report(GET_SEQUENTIAL, 110, 100, 100).putRatio(GET_SEQUENTIAL, Contenders.FLOOR_OUR_SETTINGS, 1.02);

    RatioReport.Line line = report.lines().get(0);

    assertEquals(1.10, line.versusFloor(), 1e-9, "no pairs for the plain floor: the quotient");
    assertEquals(1.02, line.versusFloorSettings(), 1e-9);
    assertTrue(report.allTargetsMet());
  }

  @Test
  void eachBoundCanMissOnItsOwn() {
    assertFalse(report(GET_SEQUENTIAL, 111, 100, 108).allTargetsMet(), "over 1.10x the floor");
    assertFalse(report(GET_SEQUENTIAL, 106, 100, 100).allTargetsMet(), "over 1.05x the floor on our settings");
    assertTrue(report(GET_SEQUENTIAL, 106, 100, 101).render().contains("MET"));
  }

  @Test
  void throughputIsBetterWhenHigher() {
    assertTrue(report(POST_THREADS8, 900, 1000, 1000).allTargetsMet(), "0.90x is the bound itself");
    assertFalse(report(POST_THREADS8, 890, 1000, 990).allTargetsMet(), "under 0.90x the floor on our settings");
    assertFalse(report(POST_THREADS8, 840, 1000, 900).allTargetsMet(), "under 0.85x the plain floor");
  }

  @Test
  void aMissingFloorOnOurSettingsCountsAsMissed() {
    RatioReport report = new RatioReport().put(GET_SEQUENTIAL, Contenders.OURS, 100)
        .put(GET_SEQUENTIAL, Contenders.FLOOR, 100);

    assertFalse(report.allTargetsMet());
    assertTrue(report.render().contains("| - |"), report.render());
  }

  @Test
  void allocationAndFirstCallHaveAimsThatDoNotDecideTheTargets() {
    Metric allocation = new Metric(Operation.POST_WITH_BODY, Measure.ALLOCATION);
    RatioReport report = report(allocation, 20_000, 10_000, 10_000);

    assertTrue(report.allTargetsMet());
    assertTrue(report.render().contains("| aim MISSED |"), report.render());
    assertTrue(report(new Metric(Operation.POST_WITH_BODY, Measure.FIRST_CALL), 110, 100, 100).render()
        .contains("| aim MET |"));
  }

  @Test
  void aMetricWithoutTheFloorIsLeftOut() {
    assertTrue(new RatioReport().put(GET_SEQUENTIAL, Contenders.OURS, 100).lines().isEmpty());
  }

  @Test
  void everyOperationKindHasEveryMeasure() {
    assertEquals(Operation.values().length * Measure.values().length, Metric.all().size());
    assertEquals("regenerateApiKeyWithoutBody, 8 threads", POST_THREADS8.label());
  }
}
