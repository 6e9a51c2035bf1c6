package ai.spice.cloud.bench.contenders;

import java.util.List;

/** Names used on the command line and in JMH's {@code impl} parameter. */
public final class Contenders {
  public static final String OURS = "ours";
  public static final String FLOOR = "floor";
  public static final String DEFAULT_GENERATED = "defaultgen";
  public static final List<String> ALL = List.of(OURS, FLOOR, DEFAULT_GENERATED);

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
      default:
        throw new IllegalArgumentException("unknown contender " + name + ", expected one of " + ALL);
    }
  }
}
