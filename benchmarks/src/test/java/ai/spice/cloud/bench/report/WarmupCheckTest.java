package ai.spice.cloud.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupCheckTest {
  @Test
  void throughputStillClimbingDuringMeasurementIsFlagged() {
    // The shape of a fork measured too early: 8-thread calls/s rising iteration after iteration.
    List<Double> scores = List.of(9000.0, 11000.0, 13000.0, 15000.0, 17000.0);

    assertEquals(0.6, WarmupCheck.improvement(scores, false), 1e-9);
    assertTrue(WarmupCheck.stillWarmingUp(scores, false));
  }

  @Test
  void timePerCallFallingDuringMeasurementIsFlagged() {
    assertTrue(WarmupCheck.stillWarmingUp(List.of(120.0, 110.0, 100.0, 90.0), true));
  }

  @Test
  void steadyIterationsWithNoiseAreNotFlagged() {
    List<Double> scores = List.of(20000.0, 21500.0, 19000.0, 20500.0, 20800.0);

    assertFalse(WarmupCheck.stillWarmingUp(scores, false));
  }

  @Test
  void gettingWorseIsLoadNotWarmUp() {
    assertFalse(WarmupCheck.stillWarmingUp(List.of(60.0, 62.0, 90.0, 95.0), true));
    assertTrue(WarmupCheck.improvement(List.of(60.0, 62.0, 90.0, 95.0), true) < 0);
  }

  @Test
  void theMiddleIterationOfAnOddCountIsLeftOut() {
    assertEquals(0.0, WarmupCheck.improvement(List.of(100.0, 1000.0, 100.0), false), 1e-9);
  }

  @Test
  void aSingleIterationCannotShowATrend() {
    assertEquals(0.0, WarmupCheck.improvement(List.of(100.0), false), 1e-9);
  }
}
