package ai.spice.cloud.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured quantity of one operation kind, per contender, with its bounds on ours / floor and on
 * ours / floor-on-our-settings. A bound is a target (the point) or an aim (reported, profiled where
 * missed).
 */
public record Metric(Operation operation, Measure measure) {

  /** The operation kinds, each with the benchmark method name stem and the first-call probe's argument. */
  public enum Operation {
    GET_WITH_PATH_PARAMETER("getApiKeys", "get"),
    GET_WITHOUT_PARAMETERS("listRegions", "regions"),
    POST_WITH_BODY("regenerateApiKey", "regenerate"),
    POST_WITHOUT_BODY("regenerateApiKeyWithoutBody", "regenerate-empty");

    private final String method;
    private final String probe;

    Operation(String method, String probe) {
      this.method = method;
      this.probe = probe;
    }

    /** The stem of its benchmark methods, e.g. {@code getApiKeys} for {@code getApiKeysSequential}. */
    public String method() {
      return method;
    }

    public String probe() {
      return probe;
    }
  }

  public enum Measure {
    SEQUENTIAL("sequential", "us/call", true, Target.atMost(1.10), Target.atMost(1.05)),
    THREADS8("8 threads", "calls/s", false, Target.atLeast(0.85), Target.atLeast(0.90)),
    ALLOCATION("allocation", "B/call", true, Target.aimAtMost(1.5), Target.aimAtMost(1.5)),
    FIRST_CALL("first call in a fresh JVM (median)", "ms", true, Target.aimAtMost(1.2), Target.aimAtMost(1.2));

    private final String label;
    private final String unit;
    private final boolean lowerIsBetter;
    private final Target versusFloor;
    private final Target versusFloorSettings;

    Measure(String label, String unit, boolean lowerIsBetter, Target versusFloor, Target versusFloorSettings) {
      this.label = label;
      this.unit = unit;
      this.lowerIsBetter = lowerIsBetter;
      this.versusFloor = versusFloor;
      this.versusFloorSettings = versusFloorSettings;
    }

    public boolean lowerIsBetter() {
      return lowerIsBetter;
    }
  }

  public static List<Metric> all() {
    List<Metric> all = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      for (Operation operation : Operation.values()) {
        all.add(new Metric(operation, measure));
      }
    }
    return all;
  }

  public String label() {
    return operation.method() + ", " + measure.label;
  }

  public String unit() {
    return measure.unit;
  }

  public boolean lowerIsBetter() {
    return measure.lowerIsBetter;
  }

  public Target versusFloor() {
    return measure.versusFloor;
  }

  public Target versusFloorSettings() {
    return measure.versusFloorSettings;
  }
}
