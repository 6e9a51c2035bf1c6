package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The fake serves the operations of the merged document, and no other. An operation upstream added since the
 * release (the scheduled sync imports it as a harmless change) may wait for the fake until the next release,
 * which then gates on the current document in full ({@code -Dcontract.coverage.release=true}, set by
 * .ci/release), as the pact coverage does.
 */
class DocumentOperationsTest {
  private static final boolean RELEASING = Boolean.getBoolean("contract.coverage.release");

  private static List<String> operations(JsonNode doc) {
    List<String> out = new ArrayList<>();
    doc.path("paths").properties().forEach(p -> OpenApiDocs.METHODS.forEach(m -> {
      if (p.getValue().has(m)) {
        out.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
      }
    }));
    return out;
  }

  private static List<String> served() {
    return Arrays.stream(Operation.values()).map(o -> o.method() + " " + o.pathTemplate()).toList();
  }

  @Test
  void everyOperationTheFakeServesIsInTheCurrentDocument() {
    assertThat(operations(OpenApiDocs.current())).containsAll(served());
  }

  @Test
  void everyReleasedOperationIsServedAndWhenReleasingEveryCurrentOne() {
    JsonNode gated = RELEASING ? OpenApiDocs.current() : OpenApiDocs.baseline();
    assertThat(served()).containsAll(operations(gated));
  }

  @Test
  void theFakeNamesEachOperationAsTheDocumentDoes() {
    JsonNode doc = OpenApiDocs.current();
    for (Operation o : Operation.values()) {
      JsonNode op = doc.path("paths").path(o.pathTemplate()).path(o.method().toLowerCase(Locale.ROOT));
      assertThat(op.path("operationId").asText()).as(o.pathTemplate()).isEqualTo(o.operationId());
    }
  }

  @Test
  void operationsWithoutSecurityInTheDocumentArePublicInTheFake() {
    // Released or current: a page that makes an operation public breaks no consumer; the fake follows by the
    // next release.
    List<JsonNode> docs = RELEASING ? List.of(OpenApiDocs.current())
        : List.of(OpenApiDocs.current(), OpenApiDocs.baseline());
    for (Operation o : Operation.values()) {
      boolean matchesOne = docs.stream().anyMatch(doc -> {
        JsonNode op = doc.path("paths").path(o.pathTemplate()).path(o.method().toLowerCase(Locale.ROOT));
        if (op.isMissingNode()) {
          return false;
        }
        JsonNode security = op.has("security") ? op.get("security") : doc.path("security");
        return o.isPublic() == security.isEmpty();
      });
      assertThat(matchesOne).as(o.operationId() + " public=" + o.isPublic()).isTrue();
    }
  }
}
