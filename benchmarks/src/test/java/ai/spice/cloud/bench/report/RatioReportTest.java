package ai.spice.cloud.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.bench.contenders.Contenders;
import org.junit.jupiter.api.Test;

class RatioReportTest {
  @Test
  void sequentialTimeWithinFivePercentOfTheFloorAndAheadOfGeneratedIsMet() {
    RatioReport report = new RatioReport()
        .put(Metric.GET_SEQUENTIAL, Contenders.OURS, 104)
        .put(Metric.GET_SEQUENTIAL, Contenders.FLOOR, 100)
        .put(Metric.GET_SEQUENTIAL, Contenders.DEFAULT_GENERATED, 150);

    RatioReport.Line line = report.lines().get(0);

    assertEquals(1.04, line.ratio(), 1e-9);
    assertTrue(line.passed());
    assertTrue(report.render().contains("| 1.040 | <= 1.05x | 0.69x (ahead) | MET | - | - |"), report.render());
  }

  @Test
  void sequentialTimeSixPercentOverTheFloorIsMissed() {
    RatioReport report = new RatioReport()
        .put(Metric.GET_SEQUENTIAL, Contenders.OURS, 106)
        .put(Metric.GET_SEQUENTIAL, Contenders.FLOOR, 100)
        .put(Metric.GET_SEQUENTIAL, Contenders.DEFAULT_GENERATED, 150);

    assertFalse(report.allTargetsMet());
    assertTrue(report.render().contains("MISSED"));
  }

  @Test
  void throughputIsBetterWhenHigher() {
    RatioReport report = new RatioReport()
        .put(Metric.GET_THREADS8, Contenders.OURS, 900)
        .put(Metric.GET_THREADS8, Contenders.FLOOR, 1000)
        .put(Metric.GET_THREADS8, Contenders.DEFAULT_GENERATED, 950);

    RatioReport.Line line = report.lines().get(0);

    assertTrue(line.targetMet(), "0.90x is the bound itself");
    assertFalse(line.aheadOfDefaultGenerated());
    assertFalse(line.passed(), "behind the default generated client");
  }

  @Test
  void firstCallMayCostUpToOneAndAHalfTimesTheFloor() {
    RatioReport report = new RatioReport()
        .put(Metric.GET_FIRST_CALL, Contenders.OURS, 151)
        .put(Metric.GET_FIRST_CALL, Contenders.FLOOR, 100);

    assertFalse(report.allTargetsMet());
  }

  @Test
  void allocationIsReportedWithoutATarget() {
    RatioReport report = new RatioReport()
        .put(Metric.GET_ALLOCATION, Contenders.OURS, 30_000)
        .put(Metric.GET_ALLOCATION, Contenders.FLOOR, 10_000);

    assertTrue(report.allTargetsMet());
    assertTrue(report.render().contains("| info |"), report.render());
  }

  @Test
  void aMetricWithoutTheFloorIsLeftOut() {
    RatioReport report = new RatioReport().put(Metric.GET_SEQUENTIAL, Contenders.OURS, 100);

    assertTrue(report.lines().isEmpty());
  }

  @Test
  void theFloorOnOurSettingsSplitsTheRatioIntoSettingsAndTheRest() {
    RatioReport report = new RatioReport()
        .put(Metric.GET_SEQUENTIAL, Contenders.OURS, 130)
        .put(Metric.GET_SEQUENTIAL, Contenders.FLOOR, 100)
        .put(Metric.GET_SEQUENTIAL, Contenders.DEFAULT_GENERATED, 140)
        .put(Metric.GET_SEQUENTIAL, Contenders.FLOOR_OUR_SETTINGS, 110);

    RatioReport.Line line = report.lines().get(0);

    assertEquals(1.30, line.ratio(), 1e-9, "the verdict stays against the plain floor");
    assertFalse(line.passed());
    assertTrue(report.render().contains("| MISSED | 1.100 | 1.182 |"), report.render());
  }
}
