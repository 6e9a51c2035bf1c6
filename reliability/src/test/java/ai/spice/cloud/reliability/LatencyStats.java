package ai.spice.cloud.reliability;

import java.util.Arrays;

/** Percentiles over recorded call latencies (nanoseconds). */
final class LatencyStats {
    private final long[] sorted;

    LatencyStats(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    double percentileMillis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "n=%d p50=%.3fms p90=%.3fms p99=%.3fms max=%.3fms", count(),
                percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(100));
    }
}
