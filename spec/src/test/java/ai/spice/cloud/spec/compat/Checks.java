package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.TestDocs.baseline;
import static ai.spice.cloud.spec.compat.TestDocs.edited;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/** Assertions shared by the rule tests: each edit of the fixture is checked for its verdict and place. */
final class Checks {
  static final String GET = TestDocs.PATH_PTR + "/get";
  static final String POST = TestDocs.PATH_PTR + "/post";
  static final String REQ = "/components/schemas/RegenerateApiKeyRequest";
  static final String REGEN = "/components/schemas/ApiKeysRegenerated";
  static final String KEYS = "/components/schemas/ApiKeys";

  private Checks() {}

  static CompatibilityChecker.Result check(Consumer<ObjectNode> edit) {
    return CompatibilityChecker.compare(baseline(), edited(edit));
  }

  /** Both documents edited from the fixture: {@code before} gives the baseline, {@code after} the current one. */
  static CompatibilityChecker.Result check(Consumer<ObjectNode> before, Consumer<ObjectNode> after) {
    ObjectNode old = edited(before);
    ObjectNode cur = old.deepCopy();
    after.accept(cur);
    return CompatibilityChecker.compare(old, cur);
  }

  /** Exactly one finding, with this rule at this pointer, and the report names both and why. */
  static Finding onlyBreak(CompatibilityChecker.Result result, Rule rule, String pointer) {
    List<Finding> found = result.breaking();
    assertThat(found).as(found.toString()).hasSize(1);
    Finding f = found.get(0);
    assertThat(f.rule()).isEqualTo(rule);
    assertThat(f.pointer()).isEqualTo(pointer);
    assertThat(f.describe()).contains(rule.name(), pointer, rule.why());
    return f;
  }

  static Finding onlyBreak(Consumer<ObjectNode> edit, Rule rule, String pointer) {
    return onlyBreak(check(edit), rule, pointer);
  }

  static CompatibilityChecker.Result compatible(CompatibilityChecker.Result result) {
    assertThat(result.breaking()).as(result.breaking().toString()).isEmpty();
    assertThat(result.compatible()).isTrue();
    return result;
  }

  static CompatibilityChecker.Result compatible(Consumer<ObjectNode> edit) {
    return compatible(check(edit));
  }

  /** The one change of this kind, at this pointer. */
  static Change onlyChange(CompatibilityChecker.Result result, ChangeKind kind, String pointer) {
    List<Change> ofKind = result.changes().stream().filter(c -> c.kind() == kind).toList();
    assertThat(ofKind).as(result.changes().toString()).hasSize(1);
    assertThat(ofKind.get(0).pointer()).isEqualTo(pointer);
    return ofKind.get(0);
  }

  static JsonNode json(String singleQuoted) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(singleQuoted.replace('\'', '"'));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
