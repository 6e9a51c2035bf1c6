package ai.spice.cloud.spec.compat;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.codegen.StableSignaturesJavaCodegen;
import ai.spice.cloud.spec.surface.SurfaceCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every rule and harmless change kind has a fixture pair that shows it, and a row in docs/gate-rules.md. */
class RuleFixturesTest {
  private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
  private static final Path TABLE = BASEDIR.resolve("../docs/gate-rules.md");
  /** A table row's first cell, when it is a constant name in backquotes. */
  private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\|", Pattern.MULTILINE);

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> eachCaseNamedForARuleOrAChangeShowsIt() {
    return RuleFixtures.all().stream().filter(c -> c.rule().isPresent() || c.kind().isPresent())
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
          CompatibilityChecker.Result r = c.compare();
          if (c.rule().isPresent() && c.rule().get() != Rule.JAVA_SURFACE_CHANGED) {
            assertThat(r.breaking()).as(r.breaking().toString()).extracting(Finding::rule).contains(c.rule().get());
          } else if (c.kind().isPresent()) {
            assertThat(r.breaking()).as("a harmless change breaks nothing").isEmpty();
            assertThat(r.changes()).as(r.changes().toString()).extracting(Change::kind).contains(c.kind().get());
          }
        }));
  }

  @Test
  void everyRuleHasAFixturePairThatShowsIt() {
    Set<Rule> shown = EnumSet.noneOf(Rule.class);
    for (RuleFixtures.Case c : RuleFixtures.all()) {
      c.compare().breaking().forEach(f -> shown.add(f.rule()));
    }
    // Only the build's Java-surface check (the generator, the compiler, japicmp) shows this one; run it once.
    SurfaceCheck surface = new SurfaceCheck(BASEDIR.resolve("../client/generator.yaml"),
        StableSignaturesJavaCodegen.class.getName(), work);
    RuleFixtures.Case java = RuleFixtures.named("java-surface-changed");
    surface.findings(java.before(), java.after()).forEach(f -> shown.add(f.rule()));

    Set<Rule> missing = EnumSet.allOf(Rule.class);
    missing.removeAll(shown);
    assertThat(missing).as("rules no pair under " + RuleFixtures.DIR + " shows").isEmpty();
  }

  @Test
  void everyHarmlessChangeKindHasAFixturePairThatShowsIt() {
    Set<ChangeKind> missing = EnumSet.allOf(ChangeKind.class);
    for (RuleFixtures.Case c : RuleFixtures.all()) {
      CompatibilityChecker.Result r = c.compare();
      if (r.compatible()) {
        r.changes().forEach(ch -> missing.remove(ch.kind()));
      }
    }
    assertThat(missing).as("change kinds no compatible pair under " + RuleFixtures.DIR + " shows").isEmpty();
  }

  @Test
  void theRulesTableHasOneRowForEveryRuleAndChangeKindAndNoOther() throws IOException {
    Matcher m = ROW.matcher(Files.readString(TABLE, StandardCharsets.UTF_8));
    List<String> rows = m.results().map(r -> r.group(1)).toList();
    Set<String> expected = new LinkedHashSet<>();
    Stream.of(Rule.values()).forEach(r -> expected.add(r.name()));
    Stream.of(ChangeKind.values()).forEach(k -> expected.add(k.name()));

    assertThat(rows).as("rows of " + TABLE).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }
}
