package ai.spice.cloud.bench.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GateReportTest {
  private static GateReport.Size size(int copies, double coldReport, double warm) {
    return new GateReport.Size(copies, 500 * copies, 510 * copies, 4 * copies,
        new GateColdRunner.Cold(coldReport, coldReport / 2, coldReport / 4),
        new GateReport.Warm(warm, 10_240 * warm), new GateReport.Warm(warm / 2, 1_024 * warm));
  }

  @Test
  void theSmallPairWithinOneSecondColdMeetsIssueTwenty() {
    String text = GateReport.render(List.of(size(1, 640, 3), size(10, 1900, 31)), "m");

    assertTrue(text.contains("Issue 20, the 500 / 510-line pair compared within 1000 ms (cold, main to report): "
        + "640 ms: MET."), text);
  }

  @Test
  void theSmallPairOverOneSecondColdMissesItWhateverTheWarmTime() {
    String text = GateReport.render(List.of(size(1, 1200, 3), size(10, 2600, 31)), "m");

    assertTrue(text.contains("1200 ms: MISSED."), text);
  }

  @Test
  void theLastRowIsTheLargestSizeOverTheSmallestFromTheSameRun() {
    String text = GateReport.render(List.of(size(1, 640, 3), size(10, 1920, 31.5)), "m");

    assertTrue(text.contains("| 10x / 1x | 10.00 / 10.00 | 10.00 | 3.00 | 3.00 | 3.00 | 10.50 | 10.50 | 10.50 |"
        + " 10.50 |"), text);
  }
}
