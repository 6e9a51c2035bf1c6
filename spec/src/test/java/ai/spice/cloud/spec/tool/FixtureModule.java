package ai.spice.cloud.spec.tool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Spec module directories in a temporary folder: the test's own fixture module, or a copy of the real one. */
final class FixtureModule {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FixtureModule() {}

  /**
   * The fixture module of src/test/resources/fixture-module in {@code dir}, with its committed document and
   * baseline both set to what it derives to (a module in a clean, released state).
   */
  static Path fixture(Path dir) {
    copyTree(Fixtures.specModule().resolve("src/test/resources/fixture-module"), dir);
    String text = SpecTool.derive(dir).text();
    Fixtures.write(dir.resolve("openapi.yaml"), text);
    Fixtures.write(dir.resolve(ai.spice.cloud.spec.compat.Gate.BASELINE), text);
    return dir;
  }

  /**
   * A frozen copy of the published fragments and decorations (src/test/resources/published-2026-12-01) in
   * {@code dir}: realistic input that later upstream changes, followed by the live module, leave alone.
   */
  static Path copyOfPublishedSnapshot(Path dir) {
    Path snapshot = Fixtures.specModule().resolve("src/test/resources/published-2026-12-01");
    copyTree(snapshot.resolve("upstream"), dir.resolve("upstream"));
    Fixtures.write(dir.resolve("decorations.yaml"), read(snapshot.resolve("decorations.yaml")));
    return dir;
  }

  /** Rewrites one fragment of {@code module} as compact JSON after {@code edit} changed its tree. */
  static void editFragment(Path module, String file, Consumer<ObjectNode> edit) {
    Path path = module.resolve("upstream").resolve(file);
    try {
      ObjectNode tree = (ObjectNode) JSON.readTree(read(path));
      edit.accept(tree);
      Fixtures.write(path, JSON.writeValueAsString(tree) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Fixtures.write(to.resolve(from.relativize(f).toString()), read(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
