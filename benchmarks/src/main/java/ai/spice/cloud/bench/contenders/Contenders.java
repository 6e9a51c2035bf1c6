package ai.spice.cloud.bench.contenders;

import ai.spice.cloud.bench.server.Fixtures;
import java.util.List;
import okhttp3.OkHttpClient;

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

  /**
   * A contender that has just round-tripped every operation it can send, so only successful calls are
   * measured.
   *
   * @throws IllegalStateException if one answered otherwise
   */
  public static Contender createChecked(String name, String baseUrl, String token, OkHttpClient base) {
    Contender contender = create(name, baseUrl, token, base);
    Observed keys = new Observed(Fixtures.PRIMARY_KEY, Fixtures.SECONDARY_KEY, null);
    Observed regenerated = new Observed(Fixtures.PRIMARY_KEY, Fixtures.SECONDARY_KEY, 1);
    expect(name, contender.observe(contender.getApiKeys()), keys);
    expect(name, contender.observe(contender.listRegions()),
        new Observed(Fixtures.FIRST_REGION, Fixtures.DEFAULT_REGION, null));
    expect(name, contender.observe(contender.regenerateApiKey()), regenerated);
    if (!name.equals(DEFAULT_GENERATED)) { // it cannot: see DefaultGeneratedContender
      expect(name, contender.observe(contender.regenerateApiKeyWithoutBody()), regenerated);
    }
    return contender;
  }

  private static void expect(String name, Observed observed, Observed wanted) {
    if (!wanted.equals(observed)) {
      throw new IllegalStateException(name + " answered " + observed + ", expected " + wanted);
    }
  }

  /** A contender on its own {@code new OkHttpClient()}. */
  public static Contender create(String name, String baseUrl, String token) {
    return create(name, baseUrl, token, new OkHttpClient());
  }

  /**
   * @param base the OkHttp client the contender starts from, as its user would ({@code new OkHttpClient()} or
   *     one sharing a connection pool); the default generated client keeps its own
   */
  public static Contender create(String name, String baseUrl, String token, OkHttpClient base) {
    // A switch rather than a map of constructors: each fresh JVM loads only the contender it runs.
    switch (name) {
      case OURS:
        return new OursContender(baseUrl, token, base);
      case FLOOR:
        return new FloorContender(base, baseUrl, token);
      case DEFAULT_GENERATED:
        return new DefaultGeneratedContender(baseUrl, token);
      case FLOOR_OUR_SETTINGS:
        return FloorContender.withOurOkHttpSettings(base, baseUrl, token);
      default:
        throw new IllegalArgumentException("unknown contender " + name + ", expected one of " + ALL);
    }
  }
}
