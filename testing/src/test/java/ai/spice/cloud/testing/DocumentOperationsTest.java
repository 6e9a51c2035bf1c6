package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The fake serves exactly the operations of the current merged document: every one, and no other. */
class DocumentOperationsTest {
  @Test
  void everyOperationOfTheMergedDocumentIsServedAndNoOther() {
    JsonNode doc = OpenApiDocs.current();
    List<String> documented = new ArrayList<>();
    doc.path("paths").properties().forEach(p -> OpenApiDocs.METHODS.forEach(m -> {
      JsonNode op = p.getValue().get(m);
      if (op != null) {
        documented.add(op.path("operationId").asText() + " " + m.toUpperCase(Locale.ROOT) + " " + p.getKey());
      }
    }));
    List<String> served = java.util.Arrays.stream(Operation.values())
        .map(o -> o.operationId() + " " + o.method() + " " + o.pathTemplate()).toList();
    assertThat(served).containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void operationsWithoutSecurityInTheDocumentArePublicInTheFake() {
    JsonNode doc = OpenApiDocs.current();
    for (Operation o : Operation.values()) {
      JsonNode op = doc.path("paths").path(o.pathTemplate()).path(o.method().toLowerCase(Locale.ROOT));
      JsonNode security = op.has("security") ? op.get("security") : doc.path("security");
      assertThat(o.isPublic()).as(o.operationId()).isEqualTo(security.isEmpty());
    }
  }
}
