package ai.spice.cloud.bench;

import ai.spice.cloud.bench.server.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a probe's main in a JVM of its own on this class path and returns the line it answers with. */
public final class FreshJvm {
  private FreshJvm() {}

  /**
   * @return the rest of the first output line that starts with {@code prefix}
   * @throws IOException when the probe does not finish within a minute or prints no such line (with its output)
   */
  public static String run(Class<?> main, String prefix, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ServerProcess.javaExecutable(), "-cp",
        System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(main.getSimpleName() + " " + String.join(" ", args) + " did not finish");
    }
    for (String line : output.split("\\R")) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length()).trim();
      }
    }
    throw new IOException(main.getSimpleName() + " " + String.join(" ", args) + " failed:\n" + output);
  }
}
