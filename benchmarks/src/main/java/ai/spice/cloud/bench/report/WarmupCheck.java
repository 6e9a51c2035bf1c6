package ai.spice.cloud.bench.report;

import java.util.List;

/**
 * Whether a run's ratio was still moving while it was measured: the same-cycle quotients ours / other of the
 * second half of its cycles against those of the first half. Load that rises or falls during a run moves every
 * contender's blocks alike and leaves the quotients alone; a contender the JIT has not settled yet moves them.
 */
public final class WarmupCheck {
  /** A ratio that moves this much between the halves of a run was not measured at steady state. */
  public static final double MAX_DRIFT = 0.03;

  private WarmupCheck() {}

  /**
   * @param quotients ours / other per cycle, in the order measured
   * @return the median of the second half over the median of the first, minus 1 (0.04: the ratio grew by 4%);
   *     0 when there are fewer than 2 cycles
   */
  public static double drift(List<Double> quotients) {
    int half = quotients.size() / 2;
    if (half == 0) {
      return 0;
    }
    return Medians.of(quotients.subList(quotients.size() - half, quotients.size()))
        / Medians.of(quotients.subList(0, half)) - 1;
  }

  public static boolean drifting(List<Double> quotients) {
    return Math.abs(drift(quotients)) > MAX_DRIFT;
  }
}
