package ai.spice.cloud.spec.compat;

import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.surface.SurfaceCheck;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The breaking-change gate: the freshly derived document against the baseline. It runs in the spec
 * module's build right after the document is derived, before anything is generated or compiled from it, so a
 * change that breaks consumers fails here, with the finding, and not later for a side reason. One run writes
 * every report: plain text, Markdown (also to the GitHub step summary), workflow annotations, JUnit XML.
 */
public final class Gate {
  /** Files of the spec module the gate reads. */
  public static final String CURRENT = "openapi.yaml";
  public static final String BASELINE = "baseline/openapi.yaml";
  public static final String BASELINE_VERSION = "baseline/VERSION";
  public static final String ACCEPTED_BREAKS = "accepted-breaks.yaml";
  /** Reports written on every run, pass or fail. */
  public static final String REPORT = "compatibility.txt";
  public static final String MARKDOWN = "compatibility.md";
  public static final String JUNIT = "gate-junit.xml";
  /** The environment variable GitHub Actions sets to the file a step appends its summary to. */
  public static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

  private Gate() {}

  /** A document or file: its repository-relative path (what annotations name) and its text, null if absent. */
  public record Source(String path, String text) {}

  /**
   * What the gate judges.
   *
   * @param releasedVersion the baseline's released version (text of baseline/VERSION), or null
   * @param projectVersion the version being built or released, or null to skip the version rule (then any
   *     unaccepted break fails)
   * @param today the date accepted breaks expire against
   * @param releasing true when {@code projectVersion} is about to be published: then a version below what the
   *     diff needs fails. A build only reports it (unless breaks are left without a major version), so an
   *     additive upstream change passes the build and the release is what must be numbered right.
   */
  public record Inputs(Source baseline, Source current, String releasedVersion, String projectVersion,
      Source acceptedBreaks, LocalDate today, boolean releasing) {
    /** The same inputs, judged for publishing {@code projectVersion}. */
    public Inputs forRelease() {
      return new Inputs(baseline, current, releasedVersion, projectVersion, acceptedBreaks, today, true);
    }
  }

  /** Reads the baseline, its version and the accepted breaks from the spec module directory. */
  public static Inputs inputs(Path moduleDir, String currentText, String projectVersion, LocalDate today) {
    String prefix = moduleDir.toAbsolutePath().normalize().getFileName() + "/";
    String version = read(moduleDir.resolve(BASELINE_VERSION));
    return new Inputs(new Source(prefix + BASELINE, require(moduleDir.resolve(BASELINE))),
        new Source(prefix + CURRENT, currentText), version == null ? null : version.strip(), projectVersion,
        new Source(prefix + ACCEPTED_BREAKS, read(moduleDir.resolve(ACCEPTED_BREAKS))), today, false);
  }

  public static Verdict evaluate(Inputs in) {
    return evaluate(in, null);
  }

  /**
   * The verdict on the wire contract and, when {@code surface} is given, on the generated client's Java surface,
   * whose breaks are findings like any other (accepted, allowed by a major version, or failing).
   */
  public static Verdict evaluate(Inputs in, SurfaceCheck surface) {
    JsonNode baseline = OpenApiDocs.parse(in.baseline().text());
    JsonNode current = OpenApiDocs.parse(in.current().text());
    CompatibilityChecker.Result result = CompatibilityChecker.compare(baseline, current);
    if (surface != null) {
      List<Finding> all = new ArrayList<>(result.breaking());
      all.addAll(surface.findings(baseline, current));
      result = new CompatibilityChecker.Result(List.copyOf(all), result.changes());
    }
    AcceptedBreaks accepted = in.acceptedBreaks() == null || in.acceptedBreaks().text() == null
        ? AcceptedBreaks.none(in.acceptedBreaks() == null ? ACCEPTED_BREAKS : in.acceptedBreaks().path())
        : AcceptedBreaks.parse(in.acceptedBreaks().path(), in.acceptedBreaks().text());
    List<String> problems = new ArrayList<>(accepted.problems());

    SemVer released = null;
    String project = null;
    String versionFile = in.baseline().path().replace(BASELINE, BASELINE_VERSION);
    if (in.releasedVersion() != null) {
      try {
        released = SemVer.parse(in.releasedVersion());
      } catch (IllegalArgumentException e) {
        problems.add(versionFile + ": " + e.getMessage());
      }
    } else if (in.projectVersion() != null) {
      problems.add(versionFile + " is missing: it holds the version the baseline was released as (e.g. 0.1.0)");
    }
    if (in.projectVersion() != null) {
      try {
        SemVer.parse(in.projectVersion());
        project = in.projectVersion();
      } catch (IllegalArgumentException e) {
        problems.add("project version: " + e.getMessage());
      }
    }

    Set<AcceptedBreaks.Entry> matched = new HashSet<>();
    List<Optional<AcceptedBreaks.Entry>> acceptance = new ArrayList<>();
    for (Finding f : result.breaking()) {
      Optional<AcceptedBreaks.Entry> entry = accepted.entries().stream().filter(e -> e.matches(f)).findFirst();
      entry.ifPresent(matched::add);
      acceptance.add(entry.filter(e -> !e.expiredOn(in.today())));
    }
    boolean unaccepted = acceptance.stream().anyMatch(Optional::isEmpty);
    Bump required = unaccepted ? Bump.MAJOR : result.changes().stream().map(c -> c.kind().bump())
        .max(Comparator.naturalOrder()).orElse(Bump.PATCH);
    VersionCheck version = new VersionCheck(released, project, required);

    List<Judgement> judgements = new ArrayList<>();
    for (int i = 0; i < result.breaking().size(); i++) {
      Finding f = result.breaking().get(i);
      AcceptedBreaks.Entry entry = acceptance.get(i).orElse(null);
      Judgement.Status status = entry != null ? Judgement.Status.ACCEPTED
          : version.isMajorRelease() ? Judgement.Status.ALLOWED_BY_MAJOR : Judgement.Status.FAILS;
      judgements.add(new Judgement(f, status, entry));
    }
    for (AcceptedBreaks.Entry e : accepted.entries()) {
      if (e.expiredOn(in.today())) {
        problems.add(accepted.path() + " " + e.label() + " expired on " + e.expires() + ": renew it with a reason,"
            + " release the break as a major version, or remove the entry");
      } else if (!matched.contains(e)) {
        problems.add(accepted.path() + " " + e.label() + " matches no finding: the break is gone or its pointer"
            + " moved; remove the entry or correct it");
      }
    }
    return new Verdict(in, result, judgements, problems, version);
  }

  /** Evaluates, writes every report to {@code reportsDir}, the step summary and the annotations; the caller fails. */
  public static Verdict run(Inputs in, SurfaceCheck surface, Path reportsDir, Map<String, String> env,
      PrintStream out) {
    Verdict verdict = evaluate(in, surface);
    String markdown = MarkdownReport.render(verdict);
    try {
      Files.createDirectories(reportsDir);
      Files.writeString(reportsDir.resolve(REPORT), verdict.report(), StandardCharsets.UTF_8);
      Files.writeString(reportsDir.resolve(MARKDOWN), markdown, StandardCharsets.UTF_8);
      Files.writeString(reportsDir.resolve(JUNIT), JUnitReport.render(verdict), StandardCharsets.UTF_8);
      String summary = env.get(STEP_SUMMARY);
      if (summary != null && !summary.isBlank()) {
        Files.writeString(Path.of(summary), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Annotations.render(verdict).forEach(out::println);
    return verdict;
  }

  /** The spec module's build step: runs the gate on the derived document, prints the report, returns the verdict. */
  public static Verdict check(Path moduleDir, String currentText, String projectVersion, SurfaceCheck surface,
      Path reportsDir) {
    Verdict verdict = run(inputs(moduleDir, currentText, projectVersion, LocalDate.now(ZoneOffset.UTC)), surface,
        reportsDir, System.getenv(), System.out);
    System.out.println("[gate] " + verdict.report().replace("\n", "\n[gate] "));
    return verdict;
  }

  /** Throws {@link GateFailure} with the report when the verdict fails. */
  public static void failUnlessPassed(Verdict verdict, Path reportsDir) {
    if (!verdict.passed()) {
      throw new GateFailure("the breaking-change gate failed; report: " + reportsDir.resolve(REPORT) + "\n"
          + verdict.report());
    }
  }

  /** {@link #check} then {@link #failUnlessPassed}. */
  public static void enforce(Path moduleDir, String currentText, String projectVersion, SurfaceCheck surface,
      Path reportsDir) {
    failUnlessPassed(check(moduleDir, currentText, projectVersion, surface, reportsDir), reportsDir);
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String require(Path file) {
    String text = read(file);
    if (text == null) {
      throw new GateFailure(file + " is missing: the gate compares with the last released document");
    }
    return text;
  }
}
