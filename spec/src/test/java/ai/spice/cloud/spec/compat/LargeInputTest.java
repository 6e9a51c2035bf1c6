package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Checks.KEYS;
import static ai.spice.cloud.spec.compat.Checks.REQ;
import static ai.spice.cloud.spec.compat.TestDocs.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate reads documents authors control; its cost must grow with their size, not faster. Each input here
 * would take hours (or forever) under a quadratic or exponential walk; the generous time limit only catches
 * that, it measures nothing.
 */
class LargeInputTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @Test
  void aSchemaSharedAlongExponentiallyManyPathsIsComparedOncePerOperation() {
    // S0 -> S1 (twice) -> ... -> S40: 2^40 paths reach S40, and it sits in a request and a response.
    int depth = 40;
    ObjectNode base = TestDocs.baseline();
    ObjectNode schemas = obj(base, "/components/schemas");
    for (int i = 0; i < depth; i++) {
      ObjectNode props = schemas.putObject("S" + i).put("type", "object").putObject("properties");
      props.putObject("left").put("$ref", "#/components/schemas/S" + (i + 1));
      props.putObject("right").put("$ref", "#/components/schemas/S" + (i + 1));
    }
    schemas.putObject("S" + depth).put("type", "string");
    obj(base, KEYS + "/properties").putObject("tree").put("$ref", "#/components/schemas/S0");
    obj(base, REQ + "/properties").putObject("tree").put("$ref", "#/components/schemas/S0");
    ObjectNode cur = base.deepCopy();
    obj(cur, "/components/schemas/S" + depth).put("type", "integer");

    CompatibilityChecker.Result r = assertTimeoutPreemptively(LIMIT, () -> CompatibilityChecker.compare(base, cur));

    // One finding per direction: the request no longer accepts strings, the response may return integers.
    assertThat(r.breaking()).extracting(Finding::rule, Finding::pointer).containsOnly(
        org.assertj.core.groups.Tuple.tuple(Rule.TYPE_CHANGED, "/components/schemas/S" + depth + "/type"));
    assertThat(r.breaking()).extracting(Finding::what).containsExactlyInAnyOrder(
        "type changed from [string] to [integer] (no longer accepts [string])",
        "type changed from [string] to [integer] (may now return [integer])");
  }

  @Test
  void aWideDocumentIsComparedAndIndexedForLines() {
    int width = 30_000;
    ObjectNode base = TestDocs.baseline();
    ObjectNode props = obj(base, KEYS + "/properties");
    for (int i = 0; i < width; i++) {
      props.putObject("p" + i).put("type", "string").put("maxLength", 10);
    }
    ObjectNode cur = base.deepCopy();
    obj(cur, KEYS + "/properties").remove("p" + (width - 1));
    String yaml = GateInputs.yaml(base);

    Verdict v = assertTimeoutPreemptively(LIMIT, () -> Gate.evaluate(
        GateInputs.inputs(yaml, GateInputs.yaml(cur), "0.1.0", "1.0.0", null)));
    List<String> annotations = assertTimeoutPreemptively(LIMIT, () -> Annotations.render(v));

    assertThat(v.judgements()).singleElement().satisfies(j ->
        assertThat(j.finding().pointer()).isEqualTo(KEYS + "/properties/p" + (width - 1)));
    List<String> lines = List.of(yaml.split("\n"));
    String last = "p" + (width - 1) + ":";
    String expectedLine = Integer.toString(lines.indexOf(lines.stream().filter(l -> l.strip().equals(last))
        .findFirst().orElseThrow()) + 1);
    assertThat(annotations.get(0)).contains(",line=" + expectedLine + ",");
  }

  @Test
  void manyAlternativesInAnotherOrderAreMatchedWithoutBlowingUp() {
    int members = 400;
    ObjectNode base = TestDocs.baseline();
    ArrayNode oneOf = obj(base, KEYS + "/properties").putObject("value").putArray("oneOf");
    for (int i = 0; i < members; i++) {
      oneOf.addObject().put("type", "object").putArray("required").add("k" + i);
    }
    ObjectNode cur = base.deepCopy();
    ArrayNode reversed = obj(cur, KEYS + "/properties/value").putArray("oneOf");
    for (int i = members - 1; i >= 0; i--) {
      reversed.add(oneOf.get(i).deepCopy());
    }
    // One member added on output: it must be found among 400 reordered ones.
    reversed.addObject().put("type", "object").putArray("required").add("new");

    CompatibilityChecker.Result r = assertTimeoutPreemptively(LIMIT, () -> CompatibilityChecker.compare(base, cur));

    assertThat(r.breaking()).extracting(Finding::rule, Finding::pointer).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Rule.COMPOSITION_WIDENED_ON_OUTPUT,
            KEYS + "/properties/value/oneOf/" + members));
  }

  @Test
  void aWideSchemaWrappedInManyAlternativesIsMatchedOnce() {
    int width = 20_000;
    ObjectNode base = TestDocs.baseline();
    ObjectNode wide = obj(base, REQ + "/properties").putObject("zzWrapped").put("type", "object");
    ObjectNode props = wide.putObject("properties");
    for (int i = 0; i < width; i++) {
      props.putObject("p" + i).put("type", "string");
    }
    ObjectNode cur = base.deepCopy();
    ArrayNode oneOf = obj(cur, REQ + "/properties").putObject("zzWrapped").putArray("oneOf");
    oneOf.addObject().put("type", "null");
    for (int i = 0; i < width; i++) {
      oneOf.addObject().put("type", "string").put("const", "c" + i);
    }
    oneOf.add(wide.deepCopy());

    CompatibilityChecker.Result r = assertTimeoutPreemptively(LIMIT, () -> CompatibilityChecker.compare(base, cur));

    // Every property moved into the last member, whose type no other member shares: nothing consumers send breaks.
    assertThat(r.breaking()).isEmpty();
  }

  @Test
  void wideKeywordMapsAndTuplesAreComparedEntryByEntry() {
    int width = 20_000;
    ObjectNode base = TestDocs.baseline();
    ObjectNode wide = obj(base, REQ + "/properties").putObject("zzWide").put("type", "object");
    ObjectNode patterns = wide.putObject("patternProperties");
    ObjectNode dependent = wide.putObject("dependentSchemas");
    ObjectNode dependentRequired = wide.putObject("dependentRequired");
    ArrayNode tuple = obj(base, REQ + "/properties").putObject("zzTuple").put("type", "array").putArray("prefixItems");
    for (int i = 0; i < width; i++) {
      patterns.putObject("^p" + i + "$").put("type", "string").put("pattern", "^[a-z]{1," + (i % 50 + 1) + "}$");
      dependent.putObject("d" + i).putObject("properties").putObject("e" + i).put("maxLength", 10);
      dependentRequired.putArray("r" + i).add("s" + i);
      tuple.addObject().put("type", "string");
    }
    ObjectNode cur = base.deepCopy();
    obj(cur, REQ + "/properties/zzTuple/prefixItems/" + (width - 1)).put("type", "integer");

    CompatibilityChecker.Result r = assertTimeoutPreemptively(LIMIT, () -> CompatibilityChecker.compare(base, cur));

    assertThat(r.breaking()).extracting(Finding::rule, Finding::pointer).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Rule.TYPE_CHANGED, REQ + "/properties/zzTuple/prefixItems/" + (width - 1)
            + "/type"));
  }

  @Test
  void conditionsNestedInConditionsAreComparedOnceEach() {
    // if/then/else inside then and else, 2^depth branches if each level tried its conditions against the others.
    int depth = 40;
    ObjectNode base = TestDocs.baseline();
    ObjectNode level = obj(base, REQ + "/properties").putObject("zzCond");
    for (int i = 0; i < depth; i++) {
      level.putObject("if").putArray("required").add("c" + i);
      level.putObject("else").put("$ref", "#/components/schemas/ZzLevel" + (i + 1));
      level = level.putObject("then");
      obj(base, "/components/schemas").set("ZzLevel" + (i + 1), level);
    }
    level.put("maxProperties", 5);
    ObjectNode cur = base.deepCopy();
    obj(cur, "/components/schemas/ZzLevel" + depth).put("maxProperties", 4);

    CompatibilityChecker.Result r = assertTimeoutPreemptively(LIMIT, () -> CompatibilityChecker.compare(base, cur));

    assertThat(r.breaking()).extracting(Finding::rule).containsOnly(Rule.PROPERTY_COUNT_NARROWED_ON_INPUT);
  }
}
