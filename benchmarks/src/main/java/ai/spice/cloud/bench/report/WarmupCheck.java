package ai.spice.cloud.bench.report;

import java.util.List;

/**
 * Whether a fork was still warming up while it was measured: its later measurement iterations clearly better
 * than its earlier ones. On 2 shared cores the JIT needs tens of seconds to settle a deep call stack (Feign's
 * more than the floor's), and a fork measured before that compares warm-up speed, not per-call cost.
 */
public final class WarmupCheck {
  /** Later iterations this much better than earlier ones mean the fork was not at steady state. */
  public static final double MAX_IMPROVEMENT = 0.10;

  private WarmupCheck() {}

  /**
   * How much better the second half of the iterations is than the first half, as a fraction of the first
   * half's mean (0.2: 20% better; negative: worse, as load spikes make it).
   *
   * @param scores the measurement iterations in order
   * @param lowerIsBetter true for time per call, false for throughput
   * @return the improvement, or 0 when there are fewer than 2 iterations
   */
  public static double improvement(List<Double> scores, boolean lowerIsBetter) {
    int half = scores.size() / 2;
    if (half == 0) {
      return 0;
    }
    double early = mean(scores.subList(0, half));
    double late = mean(scores.subList(scores.size() - half, scores.size()));
    return lowerIsBetter ? (early - late) / early : (late - early) / early;
  }

  public static boolean stillWarmingUp(List<Double> scores, boolean lowerIsBetter) {
    return improvement(scores, lowerIsBetter) > MAX_IMPROVEMENT;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
