package ai.spice.cloud.spec.compat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects findings and changes. One entry per rule (or kind), place and text: a shared component reached from
 * several operations is one entry listing them all.
 */
final class Collector {
  static final String BASELINE = "baseline";
  static final String CURRENT = "current";

  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final Map<String, Change> changes = new LinkedHashMap<>();

  void breaking(Rule rule, String document, String pointer, String what, String usedBy) {
    String key = rule + "|" + pointer + "|" + what;
    Finding existing = findings.get(key);
    Set<String> uses = uses(existing == null ? null : existing.usedBy(), usedBy);
    findings.put(key, new Finding(rule, document, pointer, what, uses));
  }

  void change(ChangeKind kind, String document, String pointer, String text, String usedBy) {
    String key = kind + "|" + pointer + "|" + text;
    Change existing = changes.get(key);
    Set<String> uses = uses(existing == null ? null : existing.usedBy(), usedBy);
    changes.put(key, new Change(kind, document, pointer, text, uses));
  }

  boolean hasFindings() {
    return !findings.isEmpty();
  }

  List<Finding> findings() {
    return List.copyOf(findings.values());
  }

  List<Change> changes() {
    return List.copyOf(changes.values());
  }

  private static Set<String> uses(Set<String> existing, String usedBy) {
    Set<String> uses = existing == null ? new LinkedHashSet<>() : new LinkedHashSet<>(existing);
    if (usedBy != null) {
      uses.add(usedBy);
    }
    return Collections.unmodifiableSet(uses);
  }
}
