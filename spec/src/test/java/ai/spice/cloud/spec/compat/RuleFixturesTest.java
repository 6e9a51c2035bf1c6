package ai.spice.cloud.spec.compat;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.OpenApiDocs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every before/after pair under compat/rules gets the verdict its directory names (see the README there): a
 * Rule, and only that rule's findings; or a ChangeKind, no finding and a change of that kind.
 */
class RuleFixturesTest {
  /** Found by comparing the generated client's Java surface (SurfaceCheck), not two documents. */
  private static final Set<Rule> NOT_FROM_DOCUMENTS = EnumSet.of(Rule.JAVA_SURFACE_CHANGED);
  /** Rules whose fixture pairs are still to be written (by the owners of those rules); shrink it, never grow it. */
  private static final Set<Rule> WITHOUT_FIXTURE = EnumSet.of(
      Rule.PATH_REMOVED, Rule.OPERATION_REMOVED, Rule.OPERATION_ID_CHANGED, Rule.PARAMETER_REMOVED,
      Rule.PARAMETER_NOW_REQUIRED, Rule.REQUEST_BODY_NOW_REQUIRED, Rule.REQUEST_MEDIA_TYPE_REMOVED,
      Rule.RESPONSE_STATUS_REMOVED, Rule.RESPONSE_MEDIA_TYPE_REMOVED, Rule.SECURITY_CHANGED,
      Rule.SECURITY_SCHEME_CHANGED, Rule.RESPONSE_HEADER_REMOVED, Rule.RESPONSE_HEADER_NO_LONGER_REQUIRED);

  static Path root() {
    try {
      return Path.of(RuleFixturesTest.class.getResource("/compat/rules").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> cases() {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String verdict(String name) {
    return name.split("--", 2)[0];
  }

  private static CompatibilityChecker.Result run(String name) {
    return CompatibilityChecker.compare(OpenApiDocs.read(root().resolve(name).resolve("before.yaml")),
        OpenApiDocs.read(root().resolve(name).resolve("after.yaml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachPairGetsTheVerdictItsDirectoryNames(String name) {
    String verdict = verdict(name);
    CompatibilityChecker.Result r = run(name);
    boolean isRule = Arrays.stream(Rule.values()).anyMatch(v -> v.name().equals(verdict));
    if (isRule) {
      assertThat(r.breaking()).as(r.breaking().toString()).isNotEmpty()
          .allSatisfy(f -> assertThat(f.rule()).isEqualTo(Rule.valueOf(verdict)));
    } else {
      ChangeKind kind = ChangeKind.valueOf(verdict); // a name that is neither fails here
      assertThat(r.breaking()).as(r.breaking().toString()).isEmpty();
      assertThat(r.changes()).as(r.changes().toString()).extracting(Change::kind).contains(kind);
    }
  }

  @Test
  void everyRuleHasAFixturePairUnlessListedAsStillWithout() {
    Set<String> covered = cases().stream().map(RuleFixturesTest::verdict).collect(Collectors.toSet());
    Set<Rule> missing = new TreeSet<>();
    Set<Rule> listedButCovered = new TreeSet<>();
    for (Rule rule : Rule.values()) {
      if (NOT_FROM_DOCUMENTS.contains(rule)) {
        continue;
      }
      boolean has = covered.contains(rule.name());
      if (!has && !WITHOUT_FIXTURE.contains(rule)) {
        missing.add(rule);
      } else if (has && WITHOUT_FIXTURE.contains(rule)) {
        listedButCovered.add(rule);
      }
    }
    assertThat(missing).as("rules without a fixture pair under compat/rules").isEmpty();
    assertThat(listedButCovered).as("rules with a fixture pair still listed in WITHOUT_FIXTURE").isEmpty();
  }

  @Test
  void incomparablePatternsAndConditionsSaySoInTheFinding() {
    assertThat(run("PATTERN_TIGHTENED_ON_INPUT--pattern-changed").breaking()).singleElement()
        .satisfies(f -> assertThat(f.what()).contains("cannot be compared"));
    assertThat(run("SCHEMA_WIDENED_ON_OUTPUT--if-condition-changed").breaking()).singleElement()
        .satisfies(f -> assertThat(f.what()).contains("cannot be compared"));
  }
}
