package ai.spice.cloud.spec.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates JSON values against schemas of an OpenAPI 3.1 document with JSON Schema 2020-12 semantics
 * (type arrays with "null", const, numeric exclusiveMinimum), which is what 3.1 schemas are.
 */
public final class SchemaValidator {
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  /** Plain 2020-12: networknt honours OpenAPI 3.0's "nullable" unless told not to, which would hide the 3.1 bug. */
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .nullableKeywordEnabled(false)
      .build();
  private static final int MAX_REF_DEPTH = 32;

  private final ObjectNode document;

  public SchemaValidator(ObjectNode document) {
    this.document = document;
  }

  /** Errors of {@code instance} against {@code schema} (a schema node of this document); empty if valid. */
  public List<String> validate(JsonNode schema, JsonNode instance) {
    JsonSchema compiled = FACTORY.getSchema(inlineRefs(schema, 0), CONFIG);
    return compiled.validate(instance).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /** Errors of {@code instance} against the schema at {@code pointer}, e.g. /components/schemas/ApiKeys. */
  public List<String> validateAt(String pointer, JsonNode instance) {
    JsonNode schema = document.at(pointer);
    if (schema.isMissingNode()) {
      throw new SpecException("no schema at " + pointer);
    }
    return validate(schema, instance);
  }

  /** Errors of {@code schema} itself against the JSON Schema 2020-12 meta-schema. */
  public static List<String> checkAgainstMetaSchema(JsonNode schema) {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
    return meta.validate(schema).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /** A copy with every local {@code $ref} replaced by what it points to, so the schema stands alone. */
  JsonNode inlineRefs(JsonNode node, int depth) {
    if (depth > MAX_REF_DEPTH) {
      throw new SpecException("$ref chain deeper than " + MAX_REF_DEPTH + " (a cycle?)");
    }
    if (node.isArray()) {
      var copy = document.arrayNode();
      node.forEach(item -> copy.add(inlineRefs(item, depth)));
      return copy;
    }
    if (!node.isObject()) {
      return node;
    }
    JsonNode ref = node.get("$ref");
    if (ref != null && ref.isTextual()) {
      JsonNode target = resolve(document, ref.asText());
      ObjectNode merged = (ObjectNode) inlineRefs(target, depth + 1).deepCopy();
      // 2020-12 allows siblings of $ref; keep them next to the inlined target.
      node.fields().forEachRemaining(f -> {
        if (!f.getKey().equals("$ref")) {
          merged.set(f.getKey(), inlineRefs(f.getValue(), depth));
        }
      });
      return merged;
    }
    ObjectNode copy = document.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      copy.set(f.getKey(), inlineRefs(f.getValue(), depth));
    }
    return copy;
  }

  /** Resolves a local reference ("#/components/..."); anything else is not allowed in this document. */
  static JsonNode resolve(JsonNode document, String ref) {
    if (!ref.startsWith("#/")) {
      throw new SpecException("$ref " + ref + " is not local; the merged document must stand alone");
    }
    JsonNode target = document.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new SpecException("$ref " + ref + " does not resolve");
    }
    return target;
  }
}
