package ai.spice.cloud.spec.compat;

import java.util.Set;

/**
 * One breaking change: which rule, where (a JSON pointer into the baseline for removals, into the current
 * document otherwise), what changed, and the operations that reach it.
 */
public record Finding(Rule rule, String document, String pointer, String what, Set<String> usedBy) {

  public String why() {
    return rule.why();
  }

  public String describe() {
    String uses = usedBy.isEmpty() ? "" : "\n  used by: " + String.join(", ", usedBy);
    return "BREAKING " + rule + ": " + what
        + "\n  at: " + document + " " + pointer
        + "\n  why: " + why()
        + uses;
  }
}
