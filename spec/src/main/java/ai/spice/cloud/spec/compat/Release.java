package ai.spice.cloud.spec.compat;

import ai.spice.cloud.spec.surface.SurfaceCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The gate's release commands, on the committed {@code spec/openapi.yaml} against the baseline:
 * <ul>
 *   <li>{@code check <specDir> <version>}: fails (non-zero exit) unless {@code version} is at least what the
 *       diff needs and every break is accepted or released as a major;</li>
 *   <li>{@code changelog <specDir> <version> <CHANGELOG.md>}: prepares {@code version}: the same check, the
 *       release's section prepended to the changelog for review, and the baseline moved to the document it
 *       describes, with {@code version} in baseline/VERSION. From then on the gate guards what the version
 *       adds (a later edit that breaks a new operation fails as a break), and what changes before the release
 *       is part of it. The section is the diff between the two baselines, so it is written only once.</li>
 * </ul>
 */
public final class Release {
  public static final String CHECK_COMMAND =
      "./mvnw -B -pl spec process-classes exec:java@release-check -Drelease.version=X.Y.Z";
  public static final String CHANGELOG_COMMAND =
      "./mvnw -B -pl spec process-classes exec:java@changelog -Drelease.version=X.Y.Z";

  private Release() {}

  /**
   * @param args {@code check <specDir> <version> [<generator.yaml> <generatorName>]} or
   *     {@code changelog <specDir> <version> <CHANGELOG.md> [<generator.yaml> <generatorName>]}; with the
   *     client's generator configuration the generated Java surface is judged too
   */
  public static void main(String[] args) {
    boolean check = args.length >= 3 && args[0].equals("check");
    boolean changelog = args.length >= 4 && args[0].equals("changelog");
    if (!check && !changelog) {
      throw new IllegalArgumentException("usage: check <specDir> <version> [<generator.yaml> <generatorName>]"
          + " | changelog <specDir> <version> <CHANGELOG.md> [<generator.yaml> <generatorName>]");
    }
    Path specDir = Path.of(args[1]);
    int g = check ? 3 : 4;
    SurfaceCheck surface = args.length >= g + 2 ? new SurfaceCheck(Path.of(args[g]), args[g + 1],
        specDir.resolve("target/java-surface")) : null;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    if (check) {
      System.out.println(check(specDir, args[2], today, surface).report());
    } else {
      Path file = changelog(specDir, args[2], Path.of(args[3]), today, surface);
      System.out.println("[release] wrote the " + args[2] + " section of " + file + " and moved "
          + specDir.resolve(Gate.BASELINE) + " to the document it describes; review and commit both");
    }
  }

  /** The verdict for releasing {@code version}; throws {@link GateFailure} when it may not be released. */
  public static Verdict check(Path specDir, String version, LocalDate today) {
    return check(specDir, version, today, null);
  }

  /** As {@link #check(Path, String, LocalDate)}, judging the generated Java surface too when given. */
  public static Verdict check(Path specDir, String version, LocalDate today, SurfaceCheck surface) {
    SemVer.parse(version);
    String current = Gate.read(specDir.resolve(Gate.CURRENT));
    if (current == null) {
      throw new GateFailure(specDir.resolve(Gate.CURRENT) + " is missing");
    }
    Verdict verdict = Gate.evaluate(Gate.inputs(specDir, current, version, today).forRelease(), surface);
    if (!verdict.passed()) {
      throw new GateFailure("version " + version + " may not be released:\n" + verdict.report());
    }
    return verdict;
  }

  public static Path changelog(Path specDir, String version, Path changelog, LocalDate today) {
    return changelog(specDir, version, changelog, today, null);
  }

  public static Path changelog(Path specDir, String version, Path changelog, LocalDate today, SurfaceCheck surface) {
    Verdict verdict = check(specDir, version, today, surface);
    SemVer release = SemVer.parse(version);
    if (verdict.version().prepared()) {
      throw new GateFailure("the baseline already is the contract prepared for " + release + ": its changelog"
          + " section was written when it moved there; add what changed since (" + verdict.changes().size()
          + " change(s), see the gate's report) to that section by hand, or restore the previous baseline"
          + " (spec/baseline/ of the last release's tag) and run this again");
    }
    String section = Changelog.section(verdict, release, today);
    try {
      String existing = Files.exists(changelog) ? Files.readString(changelog, StandardCharsets.UTF_8) : null;
      Files.writeString(changelog, Changelog.prepend(existing, section, release), StandardCharsets.UTF_8);
      Files.writeString(specDir.resolve(Gate.BASELINE), verdict.inputs().current().text(), StandardCharsets.UTF_8);
      Files.writeString(specDir.resolve(Gate.BASELINE_VERSION), release + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return changelog;
  }
}
