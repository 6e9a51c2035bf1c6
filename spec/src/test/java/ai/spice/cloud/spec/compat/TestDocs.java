package ai.spice.cloud.spec.compat;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A fixed test document (the API Keys operations as first released) and small editing helpers for building
 * old/new document pairs. Tests use this fixture, never the live spec or baseline, so that an upstream change
 * cannot break them. Shipped in the spec module's test-jar for the contract-tests module.
 */
public final class TestDocs {
  public static final String PATH = "/v1/apps/{appId}/api-keys";
  public static final String PATH_PTR = "/paths/~1v1~1apps~1{appId}~1api-keys";
  private static final String FIXTURE = "/compat/fixture.yaml";

  private TestDocs() {}

  /** A fresh copy of the fixture document. */
  public static ObjectNode baseline() {
    try (InputStream in = Objects.requireNonNull(TestDocs.class.getResourceAsStream(FIXTURE), FIXTURE)) {
      return OpenApiDocs.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the fixture with one edit applied. */
  public static ObjectNode edited(Consumer<ObjectNode> edit) {
    ObjectNode copy = baseline();
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
