package ai.spice.cloud.client.testing;

import ai.spice.cloud.client.api.ApiKeysApi;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every generated API interface, found on the classpath: an operation upstream adds, under a new tag or none, too. */
public final class GeneratedApis {
  private GeneratedApis() {}

  public static List<Class<?>> all() {
    String pkg = ApiKeysApi.class.getPackageName();
    try (Stream<Path> files = Files.list(Path.of(ApiKeysApi.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI()).resolve(pkg.replace('.', '/')))) {
      List<Class<?>> apis = new ArrayList<>();
      for (String name : files.map(f -> f.getFileName().toString()).filter(n -> n.matches("[A-Za-z0-9]+Api\\.class"))
          .sorted().toList()) {
        apis.add(Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length())));
      }
      return apis;
    } catch (IOException | URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
