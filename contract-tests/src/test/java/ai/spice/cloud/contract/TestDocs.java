package ai.spice.cloud.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The committed baseline and small editing helpers for building old/new document pairs in tests. */
public final class TestDocs {
  public static final String PATH = "/v1/apps/{appId}/api-keys";
  public static final String PATH_PTR = "/paths/~1v1~1apps~1{appId}~1api-keys";

  private TestDocs() {}

  public static Path baselineFile() {
    return Path.of(System.getProperty("contract.baseline", "baseline/openapi.yaml"));
  }

  public static ObjectNode baseline() {
    return OpenApiDocs.read(baselineFile());
  }

  /** A copy of the baseline with one edit applied. */
  public static ObjectNode edited(Consumer<ObjectNode> edit) {
    ObjectNode copy = baseline().deepCopy();
    edit.accept(copy);
    return copy;
  }

  public static ObjectNode obj(JsonNode doc, String pointer) {
    JsonNode node = doc.at(pointer);
    if (!(node instanceof ObjectNode o)) {
      throw new IllegalArgumentException("no object at " + pointer);
    }
    return o;
  }

  public static ArrayNode arr(JsonNode doc, String pointer) {
    return (ArrayNode) doc.at(pointer);
  }

  public static ObjectNode schema(JsonNode doc, String name) {
    return obj(doc, "/components/schemas/" + name);
  }

  public static ObjectNode prop(JsonNode doc, String schema, String property) {
    return obj(doc, "/components/schemas/" + schema + "/properties/" + property);
  }
}
