package ai.spice.cloud.spec.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks the merged document must pass before it may be written or packaged. */
public final class SpecChecks {
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private SpecChecks() {}

  /** Every problem found, one line each, each naming its JSON pointer; empty when the document is sound. */
  public static List<String> check(ObjectNode document, String text) {
    List<String> problems = new ArrayList<>();
    problems.addAll(parserMessages(text));
    problems.addAll(operationIds(document));
    problems.addAll(refs(document, document, ""));
    if (problems.isEmpty()) {
      problems.addAll(schemas(document));
    }
    return problems;
  }

  /** swagger-parser must read the document as OpenAPI 3.1 with no message at all. */
  static List<String> parserMessages(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    List<String> problems = new ArrayList<>();
    if (result.getOpenAPI() == null) {
      problems.add("swagger-parser could not read the document");
    } else if (!result.getOpenAPI().getOpenapi().startsWith("3.1.")) {
      problems.add("/openapi: expected 3.1.x, found " + result.getOpenAPI().getOpenapi());
    }
    if (result.getMessages() != null) {
      result.getMessages().forEach(m -> problems.add("swagger-parser: " + m));
    }
    return problems;
  }

  static List<String> operationIds(ObjectNode document) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (!METHODS.contains(op.getKey())) {
        return;
      }
      String pointer = "/paths/" + FragmentMerger.escape(path.getKey()) + "/" + op.getKey();
      String id = op.getValue().path("operationId").asText("");
      if (id.isBlank()) {
        problems.add(pointer + ": no operationId");
      } else if (!seen.add(id)) {
        problems.add(pointer + ": operationId " + id + " is used twice");
      }
    }));
    return problems;
  }

  static List<String> refs(JsonNode document, JsonNode node, String pointer) {
    List<String> problems = new ArrayList<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        String child = pointer + "/" + FragmentMerger.escape(f.getKey());
        if (f.getKey().equals("$ref") && f.getValue().isTextual()) {
          try {
            SchemaValidator.resolve(document, f.getValue().asText());
          } catch (SpecException e) {
            problems.add(child + ": " + e.getMessage());
          }
        } else {
          problems.addAll(refs(document, f.getValue(), child));
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        problems.addAll(refs(document, node.get(i), pointer + "/" + i));
      }
    }
    return problems;
  }

  /** Schemas are valid 2020-12; every default is in its enum and valid; every example is valid. */
  static List<String> schemas(ObjectNode document) {
    List<String> problems = new ArrayList<>();
    SchemaValidator validator = new SchemaValidator(document);
    document.path("components").path("schemas").fields().forEachRemaining(s ->
        SchemaValidator.checkAgainstMetaSchema(s.getValue()).forEach(m ->
            problems.add("/components/schemas/" + FragmentMerger.escape(s.getKey()) + ": " + m)));
    Normalizer31.forEachSchema(document, (schema, pointer) -> {
      JsonNode defaultValue = schema.get("default");
      if (defaultValue == null) {
        return;
      }
      JsonNode values = schema.get("enum");
      if (values != null && !contains(values, defaultValue)) {
        problems.add(pointer + "/default: " + defaultValue + " is not one of its enum " + values);
        return;
      }
      ObjectNode withoutDefault = schema.deepCopy();
      withoutDefault.remove("default");
      validator.validate(withoutDefault, defaultValue).forEach(m ->
          problems.add(pointer + "/default: " + defaultValue + " is not valid for its schema: " + m));
    });
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      String opPointer = "/paths/" + FragmentMerger.escape(path.getKey()) + "/" + op.getKey();
      checkExamples(validator, op.getValue().path("requestBody"), opPointer + "/requestBody", problems);
      op.getValue().path("responses").fields().forEachRemaining(r ->
          checkExamples(validator, r.getValue(), opPointer + "/responses/" + r.getKey(), problems));
    }));
    return problems;
  }

  private static void checkExamples(SchemaValidator validator, JsonNode holder, String pointer, List<String> problems) {
    holder.path("content").fields().forEachRemaining(media -> {
      JsonNode example = media.getValue().get("example");
      JsonNode schema = media.getValue().get("schema");
      if (example != null && schema != null) {
        String at = pointer + "/content/" + FragmentMerger.escape(media.getKey()) + "/example";
        validator.validate(schema, example).forEach(m -> problems.add(at + ": " + m));
      }
    });
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode item : array) {
      if (item.equals(value) || (item.isNumber() && value.isNumber()
          && item.decimalValue().compareTo(value.decimalValue()) == 0)) {
        return true;
      }
    }
    return false;
  }
}
