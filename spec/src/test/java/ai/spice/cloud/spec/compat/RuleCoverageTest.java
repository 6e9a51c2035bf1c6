package ai.spice.cloud.spec.compat;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.codegen.StableSignaturesJavaCodegen;
import ai.spice.cloud.spec.surface.SurfaceCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule and harmless change kind has a fixture pair that shows it (the pair is run, not only named) and a
 * row in docs/gate-rules.md.
 */
class RuleCoverageTest {
  private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
  private static final Path TABLE = BASEDIR.resolve("../docs/gate-rules.md");
  /** A table row's first cell. */
  private static final Pattern ROW = Pattern.compile("^\\|([^|\n]*)\\|", Pattern.MULTILINE);
  /** An enum constant's name in a cell ("`ENUM_NARROWED`", "CHANGED_DEFAULT (ChangeKind)", "A / B"). */
  private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> eachPairShowsTheRuleOrChangeItsDirectoryNames() {
    return RuleFixtures.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      CompatibilityChecker.Result r = c.compare();
      assertThat(c.rule().isPresent() || c.kind().isPresent()).as(c.name() + " names a Rule or a ChangeKind").isTrue();
      if (c.rule().isPresent()) {
        assertThat(r.breaking()).as(r.breaking().toString()).isNotEmpty()
            .allSatisfy(f -> assertThat(f.rule()).isEqualTo(c.rule().get()));
      } else {
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
    for (RuleFixtures.Case c : RuleFixtures.all(RuleFixtures.SURFACE)) {
      assertThat(c.compare().breaking()).as("the wire does not see " + c.name()).isEmpty();
      surface.findings(c.before(), c.after()).forEach(f -> shown.add(f.rule()));
    }

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
  void theRulesTableHasARowForEveryRuleAndChangeKindAndNoOther() throws IOException {
    Set<String> named = new TreeSet<>();
    ROW.matcher(Files.readString(TABLE, StandardCharsets.UTF_8)).results()
        .forEach(row -> CONSTANT.matcher(row.group(1)).results().forEach(c -> named.add(c.group())));
    Set<String> constants = new TreeSet<>();
    Stream.of(Rule.values()).forEach(r -> constants.add(r.name()));
    Stream.of(ChangeKind.values()).forEach(k -> constants.add(k.name()));

    assertThat(constants).as("rules and change kinds without a row in " + TABLE).isSubsetOf(named);
    assertThat(named).as("rows of " + TABLE + " naming no rule or change kind").isSubsetOf(constants);
  }

  @Test
  void incomparablePatternsAndConditionsSaySoInTheFinding() {
    for (String name : List.of("PATTERN_TIGHTENED_ON_INPUT--pattern-changed",
        "SCHEMA_WIDENED_ON_OUTPUT--if-condition-changed")) {
      assertThat(RuleFixtures.named(name).compare().breaking()).singleElement()
          .satisfies(f -> assertThat(f.what()).contains("cannot be compared"));
    }
  }
}
