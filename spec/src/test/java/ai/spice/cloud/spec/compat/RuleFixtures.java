package ai.spice.cloud.spec.compat;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The before/after pairs under compat/rules, one directory per case. A case named after a rule or a harmless
 * change kind (lower case, dashes, optionally {@code --variant}) must show it; other names carry no expectation.
 */
final class RuleFixtures {
  static final Path DIR = Path.of(System.getProperty("basedir", "."), "src/test/resources/compat/rules");

  record Case(String name, JsonNode before, JsonNode after) {
    /** The rule or change kind the name announces, as an enum constant name. */
    String announced() {
      int variant = name.indexOf("--");
      return (variant < 0 ? name : name.substring(0, variant)).replace('-', '_').toUpperCase(Locale.ROOT);
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
    try (Stream<Path> dirs = Files.list(DIR)) {
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
