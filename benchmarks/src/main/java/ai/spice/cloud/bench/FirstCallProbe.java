package ai.spice.cloud.bench;

import ai.spice.cloud.bench.contenders.Contender;
import ai.spice.cloud.bench.contenders.Contenders;
import ai.spice.cloud.bench.contenders.Observed;
import ai.spice.cloud.bench.server.Fixtures;

/**
 * Run in a fresh JVM: time from entering main to the first successful call (client construction, class
 * loading and the first request included). JVM boot before main is the same for every contender and is left out.
 * Arguments: contender, operation (get|regions|regenerate|regenerate-empty), port. Prints
 * {@code FIRST_CALL_NANOS <n>}.
 */
public final class FirstCallProbe {
  public static final String OUTPUT_PREFIX = "FIRST_CALL_NANOS ";

  private FirstCallProbe() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    Contender contender = Contenders.create(args[0], "http://127.0.0.1:" + Integer.parseInt(args[2]), Fixtures.TOKEN);
    Object response = switch (args[1]) {
      case "get" -> contender.getApiKeys();
      case "regions" -> contender.listRegions();
      case "regenerate" -> contender.regenerateApiKey();
      case "regenerate-empty" -> contender.regenerateApiKeyWithoutBody();
      default -> throw new IllegalArgumentException("unknown operation " + args[1]);
    };
    long elapsed = System.nanoTime() - start;
    Observed observed = contender.observe(response);
    String first = args[1].equals("regions") ? Fixtures.FIRST_REGION : Fixtures.PRIMARY_KEY;
    boolean regenerated = args[1].startsWith("regenerate");
    if (!first.equals(observed.first()) || (regenerated && !Integer.valueOf(1).equals(observed.number()))) {
      System.err.println("unexpected answer " + observed);
      System.exit(2);
    }
    System.out.println(OUTPUT_PREFIX + elapsed);
    System.out.flush();
    // Client libraries may leave non-daemon threads behind; the probe is done.
    System.exit(0);
  }
}
