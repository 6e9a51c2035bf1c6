package ai.spice.cloud.spec.compat;

import ai.spice.cloud.spec.tool.Normalizer31;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an OpenAPI 3.0 document as the 3.1 document that means the same, so the comparison sees one dialect
 * and a 3.0 baseline can be compared with a 3.1 current document. What differs in meaning is {@code nullable}
 * (3.1 spells it as "null" in the type), which the comparison would otherwise ignore and miss nullability
 * breaks. The 3.0 boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} are read where bounds are compared
 * ({@link Constraints}); {@code example} is an annotation in both. Other versions are refused: their shapes
 * (Swagger 2.0's definitions and body parameters) would compare as nothing and pass silently.
 */
public final class OpenApi30 {
  private OpenApi30() {}

  /** A document the gate cannot read faithfully; the message says which and why. */
  public static final class UnsupportedDocumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnsupportedDocumentException(String message) {
      super(message);
    }
  }

  /**
   * The document itself when it is 3.1 (or does not say: fragments and tests), a 3.1 reading of a copy when it
   * is 3.0, otherwise a refusal naming the version.
   */
  static JsonNode asThreeOne(JsonNode document, String which) {
    if (document == null || !document.isObject()) {
      throw new UnsupportedDocumentException("the " + which + " document is not a mapping");
    }
    if (document.has("swagger")) {
      throw new UnsupportedDocumentException("the " + which + " document is Swagger " + document.get("swagger")
          .asText() + "; only OpenAPI 3.0 and 3.1 are compared (convert it to OpenAPI 3 first)");
    }
    JsonNode version = document.get("openapi");
    if (version == null) {
      return document;
    }
    String v = version.asText();
    if (v.startsWith("3.1.") || v.equals("3.1")) {
      return document;
    }
    if (!v.startsWith("3.0.") && !v.equals("3.0")) {
      throw new UnsupportedDocumentException("the " + which + " document is OpenAPI " + v
          + "; only OpenAPI 3.0 and 3.1 are compared");
    }
    if (document.findValue("nullable") == null) {
      return document; // nothing means anything else in 3.1: spare the copy
    }
    ObjectNode copy = ((ObjectNode) document).deepCopy();
    Normalizer31.forEachSchema(copy, (schema, pointer) -> nullable(schema, pointer, which));
    callbacks(copy, which);
    return copy;
  }

  /**
   * Callbacks hold path items like {@code paths}: each is walked as a document of its own whose paths are the
   * callback's expressions (the nodes are shared, so the rewrite lands in the copy).
   */
  private static void callbacks(ObjectNode copy, String which) {
    List<JsonNode> found = new ArrayList<>();
    copy.path("components").path("callbacks").forEach(found::add);
    copy.path("paths").forEach(item -> item.forEach(operation -> operation.path("callbacks").forEach(found::add)));
    for (JsonNode callback : found) {
      if (callback.isObject()) {
        ObjectNode asDocument = copy.objectNode();
        asDocument.set("paths", callback);
        Normalizer31.forEachSchema(asDocument, (schema, pointer) -> nullable(schema, "(a callback)" + pointer,
            which));
      }
    }
  }

  /**
   * {@code nullable: true} adds null to the type (and to an enum, which would otherwise still exclude it).
   * OpenAPI 3.0.3: it "only takes effect if type is explicitly defined within the same Schema Object", so
   * without a type it is dropped; the project's own normalizer refuses that case instead, because it writes
   * the published document and must not guess, while here the 3.0 meaning is defined.
   */
  private static void nullable(ObjectNode schema, String pointer, String which) {
    JsonNode nullable = schema.remove("nullable");
    if (nullable == null || !nullable.asBoolean(false)) {
      if (nullable != null && !nullable.isBoolean()) {
        throw new UnsupportedDocumentException("the " + which + " document's " + pointer
            + "/nullable is not a boolean");
      }
      return;
    }
    JsonNode type = schema.get("type");
    if (type == null || !type.isTextual()) {
      return;
    }
    schema.set("type", schema.arrayNode().add(type.asText()).add("null"));
    JsonNode values = schema.get("enum");
    if (values instanceof ArrayNode array) {
      boolean hasNull = false;
      for (JsonNode value : array) {
        hasNull |= value.isNull();
      }
      if (!hasNull) {
        array.addNull();
      }
    }
  }
}
