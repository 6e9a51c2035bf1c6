package ai.spice.cloud.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.compat.Change;
import ai.spice.cloud.spec.compat.ChangeKind;
import ai.spice.cloud.spec.compat.CompatibilityChecker;
import ai.spice.cloud.spec.compat.Finding;
import ai.spice.cloud.spec.compat.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gate benchmark's inputs are what its report says they are: sizes, a pair that differs, the planted edits. */
class GatePairTest {
  private static final GatePair ONE = GatePair.of(1);
  private static final GatePair TEN = GatePair.of(10);

  /** The breaks planted in current.yaml: a response property, a request enum value, a parameter, a payload field. */
  private static final Set<String> PLANTED_BREAKS = Set.of(
      Rule.RESPONSE_PROPERTY_REMOVED + " /components/schemas/App/properties/cluster_id",
      Rule.ENUM_NARROWED + " /components/schemas/AppCreate/properties/visibility/enum",
      Rule.PARAMETER_NOW_REQUIRED + " /paths/~1v1~1apps/get/parameters/0/required",
      Rule.RESPONSE_PROPERTY_REMOVED + " /components/schemas/AppDeployedEvent/properties/region");
  /** And the harmless edits (a reworded description besides, which is no change at all). */
  private static final Set<String> PLANTED_CHANGES = Set.of(
      ChangeKind.ADDED_RESPONSE_PROPERTY + " /components/schemas/App/properties/region",
      ChangeKind.RELAXED_CONSTRAINT + " /components/schemas/AppCreate/properties/name/maxLength",
      ChangeKind.REMOVED_ERROR_RESPONSE + " /paths/~1v1~1apps~1{appId}~1secrets/get/responses/500",
      ChangeKind.ADDED_OPERATION + " /paths/~1v1~1apps~1{appId}~1secrets~1{name}/delete");

  private static CompatibilityChecker.Result compare(GatePair pair) {
    return CompatibilityChecker.compare(OpenApiDocs.parse(pair.baseline()), OpenApiDocs.parse(pair.current()));
  }

  private static int storedLines(String name) throws IOException {
    try (InputStream in = GatePair.class.getResourceAsStream("/gate/" + name + ".yaml")) {
      return GatePair.lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static void assertWithin(int low, int high, int value, String what) {
    assertTrue(value >= low && value <= high, what + ": " + value + " lines, not " + low + "-" + high);
  }

  @Test
  void theStoredPairAndWhatTheGateReadsOfItAreAboutFiveHundredLinesEach() throws IOException {
    for (String name : List.of("baseline", "current")) {
      assertWithin(480, 560, storedLines(name), "stored " + name);
    }
    assertWithin(480, 560, GatePair.lines(ONE.baseline()), "1x baseline");
    assertWithin(480, 560, GatePair.lines(ONE.current()), "1x current");
  }

  @Test
  void tenCopiesAreTenTimesTheLinesButForWhatTheCopiesShare() {
    for (boolean baseline : List.of(true, false)) {
      int one = GatePair.lines(baseline ? ONE.baseline() : ONE.current());
      int ten = GatePair.lines(baseline ? TEN.baseline() : TEN.current());
      assertWithin(4_800, 5_600, ten, "10x " + (baseline ? "baseline" : "current"));
      // Only the document's head, tags and security scheme are not copied.
      assertTrue(ten > 9.5 * one && ten < 10 * one, ten + " lines against " + one);
    }
  }

  @Test
  void theWrittenTextReadsBackAsTheDocumentItWasWrittenFrom() {
    assertEquals(GatePair.stored("baseline"), OpenApiDocs.parse(ONE.baseline()));
    assertEquals(GatePair.stored("current"), OpenApiDocs.parse(ONE.current()));
    assertEquals(ScaledDocument.copies(GatePair.stored("current"), 10), OpenApiDocs.parse(TEN.current()));
  }

  @Test
  void theGateFindsThePlantedBreaksAndHarmlessChangesAndNothingElse() {
    assertNotEquals(ONE.baseline(), ONE.current());
    CompatibilityChecker.Result r = compare(ONE);

    assertEquals(PLANTED_BREAKS, r.breaking().stream().map(f -> f.rule() + " " + f.pointer())
        .collect(Collectors.toSet()));
    assertEquals(PLANTED_CHANGES, r.changes().stream().map(c -> c.kind() + " " + c.pointer())
        .collect(Collectors.toSet()));
    assertTrue(r.breaking().stream().map(Finding::what).anyMatch("payload property region was removed or renamed"
        ::equals), r.breaking().toString());
  }

  @Test
  void everyCopyHoldsTheEditsAgain() {
    CompatibilityChecker.Result one = compare(ONE);
    CompatibilityChecker.Result ten = compare(TEN);

    assertEquals(10 * one.breaking().size(), ten.breaking().size());
    assertEquals(10 * one.changes().size(), ten.changes().size());
    assertTrue(ten.breaking().stream().anyMatch(f -> f.pointer().equals(
        "/components/schemas/AppDeployedEvent10/properties/region")), ten.breaking().toString());
    assertTrue(ten.changes().stream().map(Change::pointer).anyMatch(
        "/paths/~1copy10~1v1~1apps~1{appId}~1secrets~1{name}/delete"::equals));
  }

  @Test
  void copiesReferToComponentsThatExistAndNameTheirOperationsApart() {
    ObjectNode ten = ScaledDocument.copies(GatePair.stored("baseline"), 10);
    List<String> refs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    collect(ten, refs, ids);

    assertFalse(refs.isEmpty());
    refs.forEach(ref -> assertFalse(ten.at(ref.substring(1)).isMissingNode(), ref + " points nowhere"));
    assertEquals(ids.size(), new HashSet<>(ids).size(), "operationIds repeat: " + ids);
    assertEquals(10 * GatePair.stored("baseline").path("paths").size(), ten.path("paths").size());
  }

  private static void collect(JsonNode node, List<String> refs, List<String> ids) {
    if (node.path("$ref").isTextual()) {
      refs.add(node.get("$ref").asText());
    }
    if (node.path("operationId").isTextual()) {
      ids.add(node.get("operationId").asText());
    }
    node.forEach(child -> collect(child, refs, ids));
  }
}
