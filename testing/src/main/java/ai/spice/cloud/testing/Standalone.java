package ai.spice.cloud.testing;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar spice-cloud-testing-<version>-standalone.jar [--port N] [--seed seed.json]}: runs a fake until
 * the process is stopped (SIGTERM or Ctrl-C close it cleanly). It prints, on standard output,
 * {@code SPICE_CLOUD_BASE_URL=...} and {@code SPICE_CLOUD_TOKEN=...}, the variables the client's
 * {@code SpiceCloudClient.fromEnv()} reads.
 */
public final class Standalone {
  static final String USAGE = "usage: java -jar spice-cloud-testing-standalone.jar [--port N] [--seed seed.json]"
      + " [--token TOKEN]\n"
      + "  --port N       port on 127.0.0.1 (default 0: an ephemeral port)\n"
      + "  --seed FILE    JSON seed (organizations, apps, tokens, regions); see docs/testing.md\n"
      + "  --token TOKEN  the ready token's value (default: random), scope *";

  private Standalone() {}

  /**
   * Starts a fake and runs until the process is stopped; a bad argument prints the usage and exits with status 2.
   *
   * @param args {@code [--port N] [--seed FILE] [--token TOKEN]}
   * @throws InterruptedException if the main thread is interrupted while the fake runs
   */
  public static void main(String[] args) throws InterruptedException {
    SpiceCloudFake.Builder builder = SpiceCloudFake.builder();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> builder.port(parsePort(value(args, ++i, "--port")));
          case "--seed" -> {
            Path seed = Path.of(value(args, ++i, "--seed"));
            if (!Files.isRegularFile(seed)) {
              throw new IllegalArgumentException("--seed: no such file: " + seed);
            }
            builder.seed(seed);
          }
          case "--token" -> builder.defaultToken(value(args, ++i, "--token"));
          case "--help", "-h" -> {
            System.out.println(USAGE);
            return;
          }
          default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
      return;
    }
    SpiceCloudFake fake;
    try {
      fake = builder.start();
    } catch (RuntimeException e) {
      fail(e.getMessage());
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      fake.close();
      System.err.println("spice-cloud fake stopped");
      stopped.countDown();
    }, "spice-cloud-fake-shutdown"));
    PrintStream out = System.out;
    out.println("SPICE_CLOUD_BASE_URL=" + fake.url());
    out.println("SPICE_CLOUD_TOKEN=" + fake.defaultToken());
    out.flush();
    System.err.println("spice-cloud fake listening on " + fake.url() + " (stop with SIGTERM or Ctrl-C)");
    stopped.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int parsePort(String raw) {
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port: not a number: " + raw);
    }
  }

  private static void fail(String message) {
    System.err.println("error: " + message);
    System.err.println(USAGE);
    System.exit(2);
  }
}
