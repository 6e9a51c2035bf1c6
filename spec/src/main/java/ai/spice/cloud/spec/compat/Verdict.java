package ai.spice.cloud.spec.compat;

import java.util.ArrayList;
import java.util.List;

/**
 * The gate's verdict on one run: every breaking finding with what became of it, the non-breaking changes,
 * problems with the accepted-breaks file or the versions, and the version rule. Every report renders this.
 */
public record Verdict(Gate.Inputs inputs, CompatibilityChecker.Result result, List<Judgement> judgements,
    List<String> problems, VersionCheck version) {

  public boolean passed() {
    return reasons().isEmpty();
  }

  /** Why the gate fails, one line each; empty when it passes. */
  public List<String> reasons() {
    List<String> reasons = new ArrayList<>();
    long failing = judgements.stream().filter(Judgement::fails).count();
    if (failing > 0) {
      reasons.add(failing + " breaking change(s) neither accepted nor released as a new major version");
    }
    if (!version.ok() && inputs.releasing()) {
      reasons.add("the project version " + version.project() + " is below " + version.minimum() + ", the lowest a "
          + version.required().label() + " release after " + version.baseline() + " may be");
    }
    reasons.addAll(problems);
    return reasons;
  }

  public List<Change> changes() {
    return result.changes();
  }

  public String report() {
    return CompatibilityReport.render(this);
  }
}
