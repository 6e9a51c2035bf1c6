package ai.spice.cloud.bench.contenders;

import java.util.List;

/** Names used on the command line and in JMH's {@code impl} parameter. */
public final class Contenders {
  public static final String OURS = "ours";
  public static final String FLOOR = "floor";
  public static final String DEFAULT_GENERATED = "defaultgen";
  /** The floor on our OkHttp settings: what a careful hand-written call with the same timeouts costs. */
  public static final String FLOOR_OUR_SETTINGS = "floorsettings";
  public static final List<String> ALL = List.of(OURS, FLOOR, FLOOR_OUR_SETTINGS, DEFAULT_GENERATED);
  /** What a full run measures unless told otherwise: the targets compare ours with both floors. */
  public static final List<String> DEFAULT_RUN = List.of(OURS, FLOOR, FLOOR_OUR_SETTINGS);

  private Contenders() {}

  public static Contender create(String name, String baseUrl, String token) {
    // A switch rather than a map of constructors: each fresh JVM loads only the contender it runs.
    switch (name) {
      case OURS:
        return new OursContender(baseUrl, token);
      case FLOOR:
        return new FloorContender(baseUrl, token);
      case DEFAULT_GENERATED:
        return new DefaultGeneratedContender(baseUrl, token);
      case FLOOR_OUR_SETTINGS:
        return FloorContender.withOurOkHttpSettings(baseUrl, token);
      default:
        throw new IllegalArgumentException("unknown contender " + name + ", expected one of " + ALL);
    }
  }
}
