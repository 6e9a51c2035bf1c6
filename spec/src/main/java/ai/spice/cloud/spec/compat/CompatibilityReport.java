package ai.spice.cloud.spec.compat;

/** The plain-text verdict written to target/contract-reports/compatibility.txt and used as failure message. */
public final class CompatibilityReport {
  private CompatibilityReport() {}

  public static String render(Verdict v) {
    Gate.Inputs in = v.inputs();
    StringBuilder b = new StringBuilder();
    b.append("Breaking-change check\n  baseline: ").append(in.baseline().path())
        .append("\n  current:  ").append(in.current().path())
        .append("\n  version:  ").append(v.version().describe())
        .append("\n  accepted breaks: ").append(in.acceptedBreaks() == null ? "(none)" : in.acceptedBreaks().path())
        .append("\n\n");
    if (v.passed()) {
      b.append("VERDICT: passed");
      long breaks = v.judgements().size();
      b.append(breaks == 0 ? ", no change breaks an existing consumer.\n"
          : ", every breaking change is accepted or released as a new major version.\n");
    } else {
      b.append("VERDICT: FAILED\n");
      v.reasons().forEach(r -> b.append("  - ").append(r).append('\n'));
    }
    b.append("\nBreaking changes: ").append(v.judgements().size()).append('\n');
    for (Judgement j : v.judgements()) {
      b.append('\n').append(j.finding().describe()).append("\n  status: ").append(j.statusText(v.version()))
          .append('\n');
    }
    if (v.judgements().stream().anyMatch(Judgement::fails)) {
      b.append("\nAn intentional break is released as a new major version (bump the project version), or accepted"
          + " for a while in ").append(in.acceptedBreaks() == null ? Gate.ACCEPTED_BREAKS : in.acceptedBreaks().path())
          .append(" with a reason and an expiry date; see docs/contract-gate.md, \"Accepting a break\".\n");
    }
    b.append("\nNon-breaking changes: ").append(v.changes().size()).append('\n');
    v.changes().forEach(c -> b.append("  - ").append(c.describe()).append('\n'));
    return b.toString();
  }
}
