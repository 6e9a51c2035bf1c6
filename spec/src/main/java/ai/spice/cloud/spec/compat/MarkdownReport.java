package ai.spice.cloud.spec.compat;

import java.util.List;

/**
 * The verdict as Markdown, for the GitHub step summary: the versions, then tables of breaking and
 * non-breaking changes. Every text from a document is escaped, so nothing in a spec renders as markup.
 */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(Verdict v) {
    Gate.Inputs in = v.inputs();
    VersionCheck version = v.version();
    StringBuilder b = new StringBuilder();
    b.append("## Breaking-change gate: ").append(v.passed() ? "passed" : "FAILED").append("\n\n");
    b.append("| | |\n|---|---|\n");
    row(b, "Baseline", in.baseline().path() + (version.baseline() == null ? "" : " (the contract of "
        + version.baseline() + ")"));
    row(b, "Current", in.current().path());
    row(b, "Project version", version.project() == null ? "not given" : version.project());
    row(b, "Required bump", version.required().label() + (version.minimum() == null ? "" : " (at least "
        + version.minimum() + ")") + (version.checked() ? version.ok() ? ": OK" : ": too low" : ""));
    b.append('\n');
    List<String> reasons = v.reasons();
    if (!reasons.isEmpty()) {
      b.append("### Why it fails\n\n");
      reasons.forEach(r -> b.append("- ").append(text(r)).append('\n'));
      b.append('\n');
    }
    b.append("### Breaking changes (").append(v.judgements().size()).append(")\n\n");
    if (!v.judgements().isEmpty()) {
      b.append("| Status | Rule | Where | Change | Why it breaks |\n|---|---|---|---|---|\n");
      for (Judgement j : v.judgements()) {
        Finding f = j.finding();
        row(b, j.statusText(version), f.rule().name(), f.document() + " " + f.pointer(), f.what()
            + (f.usedBy().isEmpty() ? "" : " (used by " + String.join(", ", f.usedBy()) + ")"), f.why());
      }
      b.append('\n');
    }
    b.append("### Non-breaking changes (").append(v.changes().size()).append(")\n\n");
    if (!v.changes().isEmpty()) {
      b.append("| Kind | Bump | Where | Change |\n|---|---|---|---|\n");
      for (Change c : v.changes()) {
        row(b, c.kind().name(), c.kind().bump().label(), c.document() + " " + c.pointer(), c.text());
      }
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String... cells) {
    b.append('|');
    for (String cell : cells) {
      b.append(' ').append(text(cell)).append(" |");
    }
    b.append('\n');
  }

  private static String text(String s) {
    return Markdown.text(s);
  }
}
