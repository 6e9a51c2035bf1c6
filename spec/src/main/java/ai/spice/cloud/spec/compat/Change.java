package ai.spice.cloud.spec.compat;

import java.util.Set;

/**
 * One change that breaks no existing consumer: its kind, where (a JSON pointer into the baseline for
 * removals, into the current document otherwise), what changed, and the operations that reach it.
 */
public record Change(ChangeKind kind, String document, String pointer, String text, Set<String> usedBy) {
  public String describe() {
    return kind + ": " + text + " (" + document + " " + pointer + ")";
  }
}
