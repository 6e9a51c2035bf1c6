package ai.spice.cloud.spec.compat;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The before/after pairs under compat/rules, one directory per case named {@code <VERDICT>--<case>}: the rule
 * (only its findings) or harmless change kind (no finding) the pair shows; each file's first line says why. The
 * Java-surface rule's pairs are under compat/surface: the wire comparison does not see them.
 */
final class RuleFixtures {
  static final Path DIR = Path.of(System.getProperty("basedir", "."), "src/test/resources/compat/rules");
  static final Path SURFACE = DIR.resolveSibling("surface");

  record Case(String name, JsonNode before, JsonNode after) {
    /** The rule or change kind the name announces, as an enum constant name. */
    String announced() {
      return name.split("--", 2)[0];
    }

    Optional<Rule> rule() {
      return Stream.of(Rule.values()).filter(r -> r.name().equals(announced())).findFirst();
    }

    Optional<ChangeKind> kind() {
      return Stream.of(ChangeKind.values()).filter(k -> k.name().equals(announced())).findFirst();
    }

    CompatibilityChecker.Result compare() {
      return CompatibilityChecker.compare(before, after);
    }
  }

  private RuleFixtures() {}

  static List<Case> all() {
    return all(DIR);
  }

  static List<Case> all(Path root) {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).sorted().map(d -> new Case(d.getFileName().toString(),
          OpenApiDocs.read(d.resolve("before.yaml")), OpenApiDocs.read(d.resolve("after.yaml")))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Case named(String name) {
    return all().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fixture " + name + " in " + DIR));
  }
}
