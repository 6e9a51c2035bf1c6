package ai.spice.cloud.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The client's own version, filtered into version.properties at build time. */
final class Version {

  private static final String VERSION = load();

  private Version() {}

  /** @return e.g. {@code 0.1.0} */
  static String get() {
    return VERSION;
  }

  /** @return {@code spice-cloud-java/<version>} */
  static String userAgent() {
    return "spice-cloud-java/" + VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/ai/spice/cloud/client/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
