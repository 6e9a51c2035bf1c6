package ai.spice.cloud.spec.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Conformance of interactions to the current document, tolerating what the released baseline allows.
 *
 * <p>Why: the breaking-change gate has already judged every difference between the two documents. When upstream
 * narrows what it returns (a value no longer nullable) or stops documenting an error status, no consumer breaks,
 * and the gate passes; a pact or a fake answer written for the released document may still show the old shape.
 * Failing on it would fail the build for the wrong reason. Such an interaction is tolerated and listed, to be
 * brought up to date; one that fits neither document is a violation. What the baseline does not know (a new
 * operation) is judged by the current document alone.
 */
public final class Conformance {
  private final ConformanceChecker current;
  private final ConformanceChecker baseline;

  /** What became of a check: violations fail; tolerated ones fit the baseline but not the current document. */
  public record Outcome(List<Violation> violations, List<Violation> tolerated) {
    public boolean conforms() {
      return violations.isEmpty();
    }
  }

  public Conformance(ObjectNode current, ObjectNode baseline) {
    this.current = new ConformanceChecker(current);
    this.baseline = baseline == null ? null : new ConformanceChecker(baseline);
  }

  public Outcome check(Interaction interaction) {
    List<Violation> found = current.check(interaction);
    if (found.isEmpty()) {
      return new Outcome(List.of(), List.of());
    }
    if (baseline != null && baseline.check(interaction).isEmpty()) {
      return new Outcome(List.of(), found);
    }
    return new Outcome(found, List.of());
  }

  public Outcome check(List<Interaction> interactions) {
    List<Violation> violations = new ArrayList<>();
    List<Violation> tolerated = new ArrayList<>();
    for (Interaction i : interactions) {
      Outcome o = check(i);
      violations.addAll(o.violations());
      tolerated.addAll(o.tolerated());
    }
    return new Outcome(violations, tolerated);
  }
}
