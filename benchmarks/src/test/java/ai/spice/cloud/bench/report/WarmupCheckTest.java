package ai.spice.cloud.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupCheckTest {
  @Test
  void aRatioThatKeepsFallingIsFlagged() {
    // Ours still being compiled while the floor was not: its quotient falls from cycle to cycle.
    List<Double> quotients = List.of(1.12, 1.10, 1.08, 1.02, 1.00, 0.99);

    assertEquals(1.00 / 1.10 - 1, WarmupCheck.drift(quotients), 1e-9);
    assertTrue(WarmupCheck.drifting(quotients));
  }

  @Test
  void aRatioThatRisesIsFlaggedToo() {
    assertTrue(WarmupCheck.drifting(List.of(0.95, 0.96, 1.00, 1.01)));
  }

  @Test
  void aSteadyRatioWithNoiseIsNotFlagged() {
    assertFalse(WarmupCheck.drifting(List.of(0.99, 1.02, 0.97, 1.01, 0.98, 1.00)));
  }

  @Test
  void theMiddleCycleOfAnOddCountIsLeftOut() {
    assertEquals(0.0, WarmupCheck.drift(List.of(1.0, 5.0, 1.0)), 1e-9);
  }

  @Test
  void aSingleCycleCannotShowATrend() {
    assertEquals(0.0, WarmupCheck.drift(List.of(1.0)), 1e-9);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(2.5, Medians.of(List.of(4.0, 1.0, 3.0, 2.0)), 1e-9);
    assertEquals(3.0, Medians.of(List.of(3.0, 100.0, 1.0)), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> Medians.of(List.of()));
  }
}
