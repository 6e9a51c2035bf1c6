package ai.spice.cloud.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the gate writes its reports (system property contract.reportsDir, set by the build). */
public final class Reports {
  private Reports() {}

  public static Path dir() {
    return Path.of(System.getProperty("contract.reportsDir", "target/contract-reports"));
  }

  public static Path write(String name, String text) {
    try {
      Path dir = dir();
      Files.createDirectories(dir);
      Path file = dir.resolve(name);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
