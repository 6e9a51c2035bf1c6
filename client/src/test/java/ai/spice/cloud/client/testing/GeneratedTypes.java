package ai.spice.cloud.client.testing;

import ai.spice.cloud.client.api.ApiKeysApi;
import ai.spice.cloud.client.model.ApiKeys;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The generated types, found on the classpath rather than listed: an operation or model upstream adds (under a
 * new tag or none, too) is covered as soon as the client is regenerated.
 */
public final class GeneratedTypes {
  private GeneratedTypes() {}

  /** Every generated API interface. */
  public static List<Class<?>> apis() {
    return inPackageOf(ApiKeysApi.class, n -> n.matches("[A-Za-z0-9]+Api"));
  }

  /** Every top-level generated model class and enum. */
  public static List<Class<?>> models() {
    return inPackageOf(ApiKeys.class, n -> !n.contains("$"));
  }

  private static List<Class<?>> inPackageOf(Class<?> known, Predicate<String> simpleName) {
    String pkg = known.getPackageName();
    try (Stream<Path> files = Files.list(Path.of(known.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve(pkg.replace('.', '/')))) {
      List<Class<?>> types = new ArrayList<>();
      for (String name : files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class"))
          .map(n -> n.substring(0, n.length() - ".class".length())).filter(simpleName).sorted().toList()) {
        types.add(Class.forName(pkg + "." + name));
      }
      return types;
    } catch (IOException | URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
