package ai.spice.cloud.bench.report;

/**
 * One measured quantity per contender, with the target on the ratio ours / floor (if any). {@code lowerIsBetter}
 * decides both the direction of the target and what "ahead of the default generated client" means.
 */
public enum Metric {
  GET_SEQUENTIAL("getApiKeys, sequential", "us/call", true, Target.atMost(1.05), true),
  REGENERATE_SEQUENTIAL("regenerateApiKey, sequential", "us/call", true, Target.atMost(1.05), true),
  GET_THREADS8("getApiKeys, 8 threads", "calls/s", false, Target.atLeast(0.90), true),
  REGENERATE_THREADS8("regenerateApiKey, 8 threads", "calls/s", false, Target.atLeast(0.90), true),
  GET_ALLOCATION("getApiKeys, allocation", "B/call", true, Target.none(), false),
  REGENERATE_ALLOCATION("regenerateApiKey, allocation", "B/call", true, Target.none(), false),
  GET_FIRST_CALL("getApiKeys, first call in fresh JVM (median)", "ms", true, Target.atMost(1.5), false),
  REGENERATE_FIRST_CALL("regenerateApiKey, first call in fresh JVM (median)", "ms", true, Target.atMost(1.5), false);

  private final String label;
  private final String unit;
  private final boolean lowerIsBetter;
  private final Target target;
  private final boolean mustBeatDefaultGenerated;

  Metric(String label, String unit, boolean lowerIsBetter, Target target, boolean mustBeatDefaultGenerated) {
    this.label = label;
    this.unit = unit;
    this.lowerIsBetter = lowerIsBetter;
    this.target = target;
    this.mustBeatDefaultGenerated = mustBeatDefaultGenerated;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }

  public boolean lowerIsBetter() {
    return lowerIsBetter;
  }

  public Target target() {
    return target;
  }

  public boolean mustBeatDefaultGenerated() {
    return mustBeatDefaultGenerated;
  }
}
