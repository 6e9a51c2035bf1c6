package ai.spice.cloud.bench.contenders;

import java.util.List;

/** Names used on the command line and in JMH's {@code impl} parameter. */
public final class Contenders {
  public static final String OURS = "ours";
  public static final String FLOOR = "floor";
  public static final String DEFAULT_GENERATED = "defaultgen";
  /** Diagnostic: the floor on our OkHttp settings, to separate their cost from the rest of our client's. */
  public static final String FLOOR_OUR_SETTINGS = "floorsettings";
  public static final List<String> ALL = List.of(OURS, FLOOR, DEFAULT_GENERATED, FLOOR_OUR_SETTINGS);

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
