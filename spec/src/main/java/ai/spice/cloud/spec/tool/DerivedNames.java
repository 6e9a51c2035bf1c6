package ai.spice.cloud.spec.tool;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names for what upstream added before a reviewer named it: operationIds and enum constant names, derived
 * deterministically from the document, each with a warning asking for a reviewed name. So an automated sync
 * of an additive upstream change still derives (and generates) cleanly, and the warning says what to review.
 */
final class DerivedNames {
  private static final String VARNAMES = "x-enum-varnames";

  private DerivedNames() {}

  /** Gives every operation without an operationId a derived one; returns one warning per operation. */
  static List<String> operationIds(ObjectNode document) {
    // Sorted by path, then in the fixed method order, so the suffix of a colliding name is reproducible.
    Map<String, JsonNode> paths = new TreeMap<>();
    document.path("paths").fields().forEachRemaining(e -> paths.put(e.getKey(), e.getValue()));
    Set<String> taken = new HashSet<>();
    paths.values().forEach(item -> OpenApiDocs.METHODS.forEach(method -> {
      String id = item.path(method).path("operationId").asText("");
      if (!id.isBlank()) {
        taken.add(id);
      }
    }));
    List<String> warnings = new ArrayList<>();
    paths.forEach((path, item) -> {
      for (String method : OpenApiDocs.METHODS) {
        JsonNode op = item.get(method);
        if (op instanceof ObjectNode operation && operation.path("operationId").asText("").isBlank()) {
          String id = unique(operationId(method, path), taken, "");
          operation.put("operationId", id);
          warnings.add("/paths/" + FragmentMerger.escape(path) + "/" + method + ": no reviewed operationId; "
              + "derived \"" + id + "\". Review it: add operationId at this pointer in decorations.yaml");
        }
      }
    });
    return warnings;
  }

  /**
   * Completes the generator's positional {@code x-enum-varnames} of {@code schema} from {@code reviewed}
   * (enum value as text to name), deriving a name for each value without one; null values get no name (the
   * generator skips them). Returns the warning, or null when every value had a reviewed name.
   */
  static String enumNames(ObjectNode schema, Map<String, String> reviewed, String pointer) {
    ArrayNode names = schema.arrayNode();
    Set<String> used = new HashSet<>(reviewed.values());
    List<String> derived = new ArrayList<>();
    for (JsonNode value : schema.path("enum")) {
      if (value.isNull()) {
        continue;
      }
      String name = reviewed.get(valueKey(value));
      if (name == null) {
        name = unique(enumConstant(value), used, "_");
        derived.add(value + " -> " + name);
      }
      names.add(name);
    }
    schema.set(VARNAMES, names);
    if (derived.isEmpty()) {
      return null;
    }
    return pointer + ": no reviewed name for enum value(s) " + String.join(", ", derived) + " (derived). Review "
        + "them: add the value(s) to x-enum-varnames at this pointer in decorations.yaml";
  }

  /**
   * Non-string enums that nobody named (the generator's defaults, NUMBER_0 and so on, say nothing) get
   * derived names; string enums read well as they are and are left to the generator.
   */
  static List<String> unnamedEnums(ObjectNode document) {
    List<String> warnings = new ArrayList<>();
    Normalizer31.forEachSchema(document, (schema, pointer) -> {
      JsonNode values = schema.get("enum");
      if (values == null || !values.isArray() || schema.has(VARNAMES)) {
        return;
      }
      boolean onlyStrings = true;
      boolean any = false;
      for (JsonNode v : values) {
        onlyStrings &= v.isTextual() || v.isNull();
        any |= !v.isNull();
      }
      if (!onlyStrings && any) {
        String warning = enumNames(schema, Map.of(), pointer);
        if (warning != null) {
          warnings.add(warning);
        }
      }
    });
    return warnings;
  }

  /** The key a decoration uses for an enum value: its JSON text, numbers in plain form (1.0 and 1 alike). */
  static String valueKey(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue().stripTrailingZeros().toPlainString();
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  /** GET /v1/apps/{appId}/api-keys -> getAppsByAppIdApiKeys: the method, then the path without its version. */
  static String operationId(String method, String path) {
    StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isEmpty() || (id.length() == method.length() && segment.matches("v[0-9]+"))) {
        continue;
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        id.append("By");
        segment = segment.substring(1, segment.length() - 1);
      }
      for (String word : segment.split("[^A-Za-z0-9]+")) {
        if (!word.isEmpty()) {
          id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
      }
    }
    return id.toString();
  }

  /** A Java-style constant for one enum value: 2 -> NUMBER_2, "us-east-2" -> US_EAST_2, "aws" -> AWS. */
  static String enumConstant(JsonNode value) {
    if (value.isNumber()) {
      String text = valueKey(value);
      return "NUMBER_" + (text.startsWith("-") ? "MINUS_" + text.substring(1) : text).replace('.', '_');
    }
    String text = value.isTextual() ? value.asText() : value.toString();
    String snake = text.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("[^A-Za-z0-9]+", "_")
        .replaceAll("^_+|_+$", "")
        .toUpperCase(Locale.ROOT);
    if (snake.isEmpty()) {
      return "EMPTY";
    }
    return Character.isDigit(snake.charAt(0)) ? "_" + snake : snake;
  }

  /** {@code name}, or with the first free suffix: getApps2 for a method, A_B_2 for a constant. */
  private static String unique(String name, Set<String> taken, String separator) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = name + separator + n;
    }
    return candidate;
  }
}
