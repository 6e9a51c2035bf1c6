package ai.spice.cloud.spec.compat;

import java.time.LocalDate;
import java.util.List;

/**
 * A CHANGELOG.md section for a release, from the diff against the baseline: breaking changes (a major),
 * accepted breaks, then the non-breaking changes by {@link ChangeKind.Group}. Prepended to the file for review
 * before the tag; running it again for the same version replaces that version's section.
 */
public final class Changelog {
  public static final String HEADER = "# Changelog\n\n"
      + "Releases of spice-cloud-java. Each section is generated from the diff of the API description against the"
      + " previous version's contract (`spec/baseline/openapi.yaml`) by `" + Release.CHANGELOG_COMMAND + "`, which"
      + " then moves the baseline to the version's own; reviewed before the tag.\n";

  private Changelog() {}

  public static String section(Verdict v, SemVer version, LocalDate date) {
    StringBuilder b = new StringBuilder();
    b.append("## [").append(version).append("] - ").append(date).append("\n\n");
    VersionCheck check = v.version();
    if (check.baseline() != null) {
      b.append("Compared with ").append(check.baseline()).append(" (`").append(v.inputs().baseline().path())
          .append("`): the API description needs a ").append(check.required().label()).append(" release.\n\n");
    }
    List<Judgement> breaking = v.judgements().stream().filter(j -> j.status() != Judgement.Status.ACCEPTED).toList();
    List<Judgement> accepted = v.judgements().stream().filter(j -> j.status() == Judgement.Status.ACCEPTED).toList();
    if (!breaking.isEmpty()) {
      b.append("### Breaking changes\n\n");
      breaking.forEach(j -> b.append(item(j.finding())).append(": ").append(text(j.finding().why())).append('\n'));
      b.append('\n');
    }
    if (!accepted.isEmpty()) {
      b.append("### Accepted breaks\n\n");
      accepted.forEach(j -> b.append(item(j.finding())).append(": accepted until ").append(j.acceptedBy().expires())
          .append(", ").append(text(j.acceptedBy().reason())).append('\n'));
      b.append('\n');
    }
    for (ChangeKind.Group group : ChangeKind.Group.values()) {
      List<Change> changes = v.changes().stream().filter(c -> c.kind().group() == group).toList();
      if (!changes.isEmpty()) {
        b.append("### ").append(group.heading()).append("\n\n");
        changes.forEach(c -> b.append("- ").append(text(c.text())).append(uses(c.usedBy(), c.text())).append('\n'));
        b.append('\n');
      }
    }
    if (v.judgements().isEmpty() && v.changes().isEmpty()) {
      b.append("No change to the API description.\n\n");
    }
    return b.toString();
  }

  private static String item(Finding f) {
    String where = code(f.pointer()) + (f.usedBy().isEmpty() ? "" : "; " + text("used by " + String.join(", ",
        f.usedBy())));
    return "- **" + f.rule() + "** " + text(f.what()) + " (" + where + ")";
  }

  /** The operations a change reaches, unless its text already names the only one. */
  private static String uses(java.util.Set<String> usedBy, String text) {
    if (usedBy.isEmpty() || usedBy.size() == 1 && text.contains(usedBy.iterator().next())) {
      return "";
    }
    return " (" + text("used by " + String.join(", ", usedBy)) + ")";
  }

  /** Puts {@code section} on top of the changelog text (or a new one), replacing an earlier section of the version. */
  public static String prepend(String existing, String section, SemVer version) {
    if (existing == null || existing.isBlank()) {
      return HEADER + "\n" + section;
    }
    String heading = "## [" + version + "]";
    int same = startOfLine(existing, heading);
    if (same >= 0) {
      int next = startOfLine(existing.substring(same + heading.length()), "## [");
      String rest = next < 0 ? "" : existing.substring(same + heading.length() + next);
      return existing.substring(0, same) + section + rest;
    }
    int first = startOfLine(existing, "## [");
    if (first < 0) {
      return existing.endsWith("\n") ? existing + "\n" + section : existing + "\n\n" + section;
    }
    return existing.substring(0, first) + section + existing.substring(first);
  }

  private static int startOfLine(String text, String prefix) {
    if (text.startsWith(prefix)) {
      return 0;
    }
    int at = text.indexOf("\n" + prefix);
    return at < 0 ? -1 : at + 1;
  }

  private static String text(String s) {
    return Markdown.text(s);
  }

  private static String code(String s) {
    return Markdown.code(s);
  }
}
