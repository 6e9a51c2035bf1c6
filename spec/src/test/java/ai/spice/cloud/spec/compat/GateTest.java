package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Checks.KEYS;
import static ai.spice.cloud.spec.compat.GateInputs.accepting;
import static ai.spice.cloud.spec.compat.GateInputs.evaluate;
import static ai.spice.cloud.spec.compat.GateInputs.release;
import static ai.spice.cloud.spec.compat.TestDocs.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict: accepted breaks, the version rule, and the reports of one run. */
class GateTest {
  private static final String API_KEY_2 = KEYS + "/properties/api_key_2";
  private static final Consumer<ObjectNode> BREAK = d -> obj(d, KEYS + "/properties").remove("api_key_2");
  private static final Consumer<ObjectNode> ADDITION = d -> obj(d, KEYS + "/properties").putObject("created_at")
      .put("type", "string");
  private static final Consumer<ObjectNode> NOTHING = d -> { };

  @Nested
  class AcceptedBreaks {
    @Test
    void anAcceptedBreakPassesAndIsReportedAsAccepted() {
      Verdict v = evaluate(BREAK, "0.1.0", "0.1.1-SNAPSHOT",
          accepting(Rule.RESPONSE_PROPERTY_REMOVED, API_KEY_2, "2026-03-01"));
      assertThat(v.passed()).as(v.report()).isTrue();
      assertThat(v.judgements()).singleElement().satisfies(j -> {
        assertThat(j.status()).isEqualTo(Judgement.Status.ACCEPTED);
        assertThat(j.acceptedBy().number()).isEqualTo(1);
      });
      assertThat(v.report()).contains("BREAKING RESPONSE_PROPERTY_REMOVED", API_KEY_2,
          "status: accepted until 2026-03-01 by entry 1 (RESPONSE_PROPERTY_REMOVED at " + API_KEY_2 + ")",
          "the upstream fix was announced");
      // An accepted break does not demand a major release.
      assertThat(v.version().required()).isEqualTo(Bump.PATCH);
    }

    @Test
    void anExpiredEntryFailsNamingTheEntryAndNoLongerAccepts() {
      Verdict v = evaluate(BREAK, "0.1.0", "0.1.1-SNAPSHOT",
          accepting(Rule.RESPONSE_PROPERTY_REMOVED, API_KEY_2, "2026-02-28"));
      assertThat(v.passed()).isFalse();
      assertThat(v.judgements()).singleElement().extracting(Judgement::status).isEqualTo(Judgement.Status.FAILS);
      assertThat(v.problems()).containsExactly("spec/accepted-breaks.yaml entry 1 (RESPONSE_PROPERTY_REMOVED at "
          + API_KEY_2 + ") expired on 2026-02-28: renew it with a reason, release the break as a major version,"
          + " or remove the entry");
      assertThat(v.report()).contains("VERDICT: FAILED", "expired on 2026-02-28");
    }

    @Test
    void anEntryMatchingNoFindingFailsNamingTheEntry() {
      Verdict v = evaluate(NOTHING, "0.1.0", "0.1.1", accepting(Rule.RESPONSE_PROPERTY_REMOVED, API_KEY_2,
          "2026-12-31"));
      assertThat(v.passed()).isFalse();
      assertThat(v.problems()).singleElement().asString().startsWith("spec/accepted-breaks.yaml entry 1 ("
          + "RESPONSE_PROPERTY_REMOVED at " + API_KEY_2 + ") matches no finding");
    }

    @Test
    void anEntryForAnotherRuleAtThePointerDoesNotAccept() {
      Verdict v = evaluate(BREAK, "0.1.0", "0.1.1", accepting(Rule.TYPE_CHANGED, API_KEY_2, "2026-12-31"));
      assertThat(v.judgements()).singleElement().extracting(Judgement::status).isEqualTo(Judgement.Status.FAILS);
      assertThat(v.problems()).singleElement().asString().contains("matches no finding");
    }

    @Test
    void malformedEntriesAreProblemsNamingTheEntry() {
      Verdict v = evaluate(NOTHING, "0.1.0", "0.1.1", "accepted:\n  - rule: NO_SUCH_RULE\n    pointer: /x\n"
          + "    reason: r\n    expires: 2026-12-31\n  - rule: TYPE_CHANGED\n    pointer: /x\n    reason: r\n"
          + "    expires: next year\n  - rule: TYPE_CHANGED\n    pointer: /x\n");
      assertThat(v.problems()).containsExactly(
          "spec/accepted-breaks.yaml entry 1 names no rule: \"NO_SUCH_RULE\"",
          "spec/accepted-breaks.yaml entry 2 has no ISO date (YYYY-MM-DD) in expires: \"next year\"",
          "spec/accepted-breaks.yaml entry 3 lacks reason, expires (every entry needs rule, pointer, reason and"
              + " expires)");
      assertThat(v.passed()).isFalse();
    }

    @Test
    void anEmptyOrAbsentFileAcceptsNothingAndIsNoProblem() {
      assertThat(evaluate(NOTHING, "0.1.0", "0.1.1", "accepted: []\n").passed()).isTrue();
      assertThat(evaluate(NOTHING, "0.1.0", "0.1.1", null).passed()).isTrue();
      assertThat(evaluate(NOTHING, "0.1.0", "0.1.1", "# only comments\n").passed()).isTrue();
    }

    @Test
    void theCommittedFileParses() throws Exception {
      String text = Files.readString(Path.of("accepted-breaks.yaml"));
      assertThat(ai.spice.cloud.spec.compat.AcceptedBreaks.parse("accepted-breaks.yaml", text).problems()).isEmpty();
    }
  }

  @Nested
  class Versions {
    @Test
    void aBreakWithoutAMajorVersionFailsOnTheBreakAndTheVersion() {
      Verdict v = release(BREAK, "0.1.0", "0.2.0-SNAPSHOT", null);
      assertThat(v.passed()).isFalse();
      assertThat(v.version().required()).isEqualTo(Bump.MAJOR);
      assertThat(v.version().minimum()).hasToString("1.0.0");
      assertThat(v.reasons()).containsExactly(
          "1 breaking change(s) neither accepted nor released as a new major version",
          "the project version 0.2.0-SNAPSHOT is below 1.0.0, the lowest a major release after 0.1.0 may be");
      assertThat(evaluate(BREAK, "0.1.0", "0.2.0-SNAPSHOT", null).reasons()).as("a build fails on the break")
          .containsExactly("1 breaking change(s) neither accepted nor released as a new major version");
    }

    @Test
    void aBreakReleasedAsANewMajorVersionPassesAndIsStillReported() {
      Verdict v = release(BREAK, "0.1.0", "1.0.0-SNAPSHOT", null);
      assertThat(v.passed()).as(v.report()).isTrue();
      assertThat(v.judgements()).singleElement().extracting(Judgement::status)
          .isEqualTo(Judgement.Status.ALLOWED_BY_MAJOR);
      assertThat(v.report()).contains("BREAKING RESPONSE_PROPERTY_REMOVED",
          "status: allowed: 1.0.0-SNAPSHOT is a major release above 0.1.0");
    }

    @Test
    void anAdditionNeedsAMinorRelease() {
      assertThat(release(ADDITION, "0.1.0", "0.1.1-SNAPSHOT", null).passed()).isFalse();
      Verdict v = release(ADDITION, "0.1.0", "0.2.0-SNAPSHOT", null);
      assertThat(v.passed()).isTrue();
      assertThat(v.version().required()).isEqualTo(Bump.MINOR);
      assertThat(v.version().describe()).isEqualTo("project 0.2.0-SNAPSHOT; baseline released as 0.1.0; the diff"
          + " needs a minor release, at least 0.2.0: OK");
    }

    @Test
    void aBuildOnlyReportsAVersionTooLowForAnAddition() {
      // An upstream addition arriving by the scheduled sync must pass the build; the release is numbered later.
      Verdict v = evaluate(ADDITION, "0.1.0", "0.1.1-SNAPSHOT", null);
      assertThat(v.passed()).as(v.report()).isTrue();
      assertThat(v.version().describe()).endsWith("at least 0.2.0: the project version is too low to be released"
          + " (the release check refuses it)");
      assertThat(v.report()).contains("too low to be released");
    }

    @Test
    void anythingElseNeedsAPatchAboveTheReleasedVersion() {
      assertThat(release(NOTHING, "0.1.0", "0.0.9", null).passed()).isFalse();
      Verdict patch = release(d -> obj(d, "/info").put("description", "reworded"), "0.1.0", "0.1.1", null);
      assertThat(patch.passed()).as(patch.report()).isTrue();
      assertThat(patch.version().required()).isEqualTo(Bump.PATCH);
    }

    @Test
    void theVersionTheBaselineWasPreparedForTakesLaterAdditionsButNotBreaks() {
      // The changelog command moved the baseline to 0.2.0's contract: the new operations are guarded from then on.
      Verdict addition = release(ADDITION, "0.2.0", "0.2.0-SNAPSHOT", null);
      assertThat(addition.passed()).as(addition.report()).isTrue();
      assertThat(addition.version().prepared()).isTrue();
      assertThat(addition.version().describe()).isEqualTo("project 0.2.0-SNAPSHOT; the baseline is the contract"
          + " prepared for 0.2.0, and what changed since (alone a minor release) is part of it: OK");
      assertThat(release(NOTHING, "0.2.0", "0.2.0", null).version().describe())
          .isEqualTo("project 0.2.0; the baseline is the contract prepared for 0.2.0: OK");

      Verdict br = evaluate(BREAK, "0.2.0", "0.2.0-SNAPSHOT", null);
      assertThat(br.reasons()).containsExactly("1 breaking change(s) neither accepted nor released as a new major"
          + " version");
      assertThat(release(BREAK, "0.2.0", "1.0.0-SNAPSHOT", null).passed()).isTrue();
      assertThat(release(NOTHING, "0.2.0", "0.1.9", null).passed()).as("below the prepared version").isFalse();
    }

    @Test
    void withoutAProjectVersionEveryUnacceptedBreakFails() {
      Verdict v = evaluate(BREAK, "0.1.0", null, null);
      assertThat(v.passed()).isFalse();
      assertThat(v.version().checked()).isFalse();
      assertThat(v.reasons()).containsExactly("1 breaking change(s) neither accepted nor released as a new major"
          + " version");
      assertThat(evaluate(ADDITION, null, null, null).passed()).isTrue();
    }

    @Test
    void aMissingOrMalformedBaselineVersionIsAProblem() {
      assertThat(evaluate(NOTHING, null, "0.1.1", null).problems()).containsExactly("spec/baseline/VERSION is"
          + " missing: it holds the version the baseline was released as (e.g. 0.1.0)");
      assertThat(evaluate(NOTHING, "v1", "0.1.1", null).problems()).singleElement().asString()
          .startsWith("spec/baseline/VERSION: not a version");
      assertThat(evaluate(NOTHING, "0.1.0", "latest", null).problems()).singleElement().asString()
          .startsWith("project version: not a version");
    }

    @Test
    void theCommittedBaselineVersionParses() throws Exception {
      assertThat(SemVer.parse(Files.readString(Path.of(Gate.BASELINE_VERSION)).strip())).isNotNull();
    }
  }

  @Nested
  class OneRunWritesEveryReport {
    @TempDir Path dir;

    @Test
    void reportsAreWrittenTheSummaryAppendedAndAnnotationsPrinted() throws Exception {
      Path summary = dir.resolve("summary.md");
      Files.writeString(summary, "earlier step\n");
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      Gate.Inputs in = GateInputs.inputs(BREAK, "0.1.0", "0.1.1", null);
      Verdict v = Gate.run(in, null, dir.resolve("reports"), Map.of(Gate.STEP_SUMMARY, summary.toString()),
          new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertThat(dir.resolve("reports/" + Gate.REPORT)).content().isEqualTo(v.report());
      assertThat(dir.resolve("reports/" + Gate.MARKDOWN)).content().contains("## Breaking-change gate: FAILED");
      assertThat(dir.resolve("reports/" + Gate.JUNIT)).content().contains("<testsuites");
      assertThat(summary).content().startsWith("earlier step\n## Breaking-change gate: FAILED");
      assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("::error file=spec/baseline/openapi.yaml,line=");
    }

    @Test
    void withoutTheSummaryVariableNothingIsAppended() {
      Verdict v = Gate.run(GateInputs.inputs(NOTHING, "0.1.0", "0.1.1", null), null, dir, Map.of(),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(v.passed()).isTrue();
      assertThat(dir.resolve("summary.md")).doesNotExist();
    }

    @Test
    void theModuleLayoutIsReadFromTheModuleDirectory() throws Exception {
      Path module = dir.resolve("spec");
      Files.createDirectories(module.resolve("baseline"));
      Files.writeString(module.resolve(Gate.BASELINE), GateInputs.yaml(TestDocs.baseline()));
      Files.writeString(module.resolve(Gate.BASELINE_VERSION), "0.1.0\n");
      Gate.Inputs in = Gate.inputs(module, GateInputs.yaml(TestDocs.baseline()), "0.1.1-SNAPSHOT", GateInputs.TODAY);
      assertThat(in.baseline().path()).isEqualTo("spec/baseline/openapi.yaml");
      assertThat(in.current().path()).isEqualTo("spec/openapi.yaml");
      assertThat(in.releasedVersion()).isEqualTo("0.1.0");
      assertThat(in.acceptedBreaks().text()).isNull();
      assertThat(Gate.evaluate(in).passed()).isTrue();
    }
  }
}
