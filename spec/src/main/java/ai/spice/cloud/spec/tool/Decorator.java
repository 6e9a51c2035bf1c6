package ai.spice.cloud.spec.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies the reviewed decoration file: a tree in the shape of the merged document that may only add
 * documentation and naming, never change what a request or response may contain.
 *
 * <p>Every key of the decoration tree must either already exist in the document (and then both are walked
 * together), or be one of {@link #ADDABLE} and absent (or equal) in the document. A decoration that does not
 * fit the document (its place is gone, it would overwrite what upstream now says, its example no longer
 * validates, it names an enum value upstream dropped) is not applied and is reported as stale, with its
 * pointer: upstream moved on, and whether that breaks anyone is the breaking-change gate's call, not this
 * step's. Only a decoration file that is malformed whatever upstream says (a bad schema or constant name, a
 * parameter entry without name and in) stops the build. Either way nothing here can add a path, a property,
 * a status code or a constraint.
 *
 * <p>Pointers in warnings and stale reports are in the coordinates of decorations.yaml: the merged document
 * before inline schemas are moved to components.
 */
public final class Decorator {
  static final Set<String> ADDABLE = Set.of(
      "operationId", "summary", "description", "example", "examples", "contact", "license",
      // An annotation in JSON Schema 2020-12 (it asserts nothing by default); decorations use it only to tell
      // generators how wide an integer is, e.g. that app ids need 64 bits.
      "format");
  /** Directive: move this inline schema, unchanged, to components/schemas under the given name. */
  static final String COMPONENT_NAME = "x-component-name";
  /** Enum constant names and descriptions, written as a map from enum value to text. */
  static final String ENUM_NAMES = "x-enum-varnames";
  static final String ENUM_DESCRIPTIONS = "x-enum-descriptions";
  private static final Set<String> INTEGER_FORMATS = Set.of("int32", "int64");
  private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

  /** What decorating did: schemas named, names derived (warnings), decorations not applied (stale). */
  public record Outcome(List<String> namedSchemas, List<String> warnings, List<String> stale) {}

  private final ObjectNode document;
  /** Every schema location of the document before anything moves: only these may be named. */
  private final Set<String> schemaPointers = new HashSet<>();
  private final List<String> named = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> stale = new ArrayList<>();
  private final List<String> addedExamples = new ArrayList<>();
  /** Schema pointer to its enum decorations (names and/or descriptions), in decoration order. */
  private final Map<String, Map<String, JsonNode>> enumDecorations = new LinkedHashMap<>();
  /** Deepest first, so a nested schema is named before the schema holding it moves. */
  private final Map<String, String> toExtract = new TreeMap<>(
      Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

  private Decorator(ObjectNode document) {
    this.document = document;
    Normalizer31.forEachSchema(document, (schema, pointer) -> schemaPointers.add(pointer));
  }

  /** Applies {@code decorations} to {@code document} in place, then derives the names still missing. */
  public static Outcome apply(ObjectNode document, JsonNode decorations) {
    Decorator decorator = new Decorator(document);
    if (decorations != null && !decorations.isNull() && !decorations.isMissingNode()) {
      if (!decorations.isObject()) {
        throw new SpecException("decorations: must be a mapping in the shape of the merged document");
      }
      decorator.walk(decorations, document, "");
    }
    decorator.checkExamples();
    decorator.nameDecoratedEnums();
    decorator.warnings.addAll(DerivedNames.operationIds(document));
    decorator.warnings.addAll(DerivedNames.unnamedEnums(document));
    decorator.extract();
    return new Outcome(List.copyOf(decorator.named), List.copyOf(decorator.warnings), List.copyOf(decorator.stale));
  }

  private void walk(JsonNode decoration, ObjectNode target, String pointer) {
    for (Iterator<Map.Entry<String, JsonNode>> it = decoration.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      String childPointer = pointer + "/" + FragmentMerger.escape(key);
      JsonNode value = field.getValue();
      JsonNode existing = target.get(key);
      if (key.equals(COMPONENT_NAME)) {
        if (!value.isTextual() || !value.asText().matches("[A-Za-z][A-Za-z0-9_]*")) {
          throw new SpecException("decorations " + childPointer + ": must be a schema name");
        }
        toExtract.put(pointer, value.asText());
      } else if (key.equals(ENUM_NAMES) || key.equals(ENUM_DESCRIPTIONS)) {
        checkEnumMap(key, value, childPointer);
        if (!target.path("enum").isArray()) {
          stale(childPointer, "there is no enum here any more");
        } else {
          enumDecorations.computeIfAbsent(pointer, p -> new LinkedHashMap<>()).put(key, value);
        }
      } else if (existing instanceof ObjectNode object && value.isObject()
          && !key.equals("example") && !key.equals("examples")) {
        walk(value, object, childPointer);
      } else if (key.equals("parameters") && value.isArray()) {
        walkParameters(value, existing, childPointer);
      } else if (ADDABLE.contains(key)) {
        add(target, key, value, existing, childPointer);
      } else if (existing == null) {
        stale(childPointer, "not in the merged document (decorations may only add " + new TreeSet<>(ADDABLE)
            + " to what upstream has)");
      } else if (!existing.equals(value)) {
        stale(childPointer, "differs from what upstream says " + abbreviate(existing) + " (decorations may only add)");
      }
    }
  }

  private void add(ObjectNode target, String key, JsonNode value, JsonNode existing, String pointer) {
    if (key.equals("format") && (!value.isTextual() || !INTEGER_FORMATS.contains(value.asText()))) {
      throw new SpecException("decorations " + pointer + ": a decoration may only give an integer's width, "
          + INTEGER_FORMATS.stream().sorted().toList());
    }
    if (existing != null) {
      if (!existing.equals(value)) {
        stale(pointer, "would overwrite what upstream says " + abbreviate(existing));
      }
      return;
    }
    if (key.equals("format") && !isInteger(target)) {
      stale(pointer, "the schema is no longer an integer, so it has no width to give");
      return;
    }
    target.set(key, value.deepCopy());
    if (key.equals("example") || key.equals("examples")) {
      addedExamples.add(pointer);
    }
  }

  /** Arrays are decorated only as parameter lists, each entry found by its "name" and "in". */
  private void walkParameters(JsonNode decoration, JsonNode target, String pointer) {
    for (JsonNode entry : decoration) {
      String name = entry.path("name").asText(null);
      String in = entry.path("in").asText(null);
      if (!entry.isObject() || name == null || in == null) {
        throw new SpecException("decorations " + pointer + ": array entries must name a parameter by \"name\" "
            + "and \"in\"");
      }
      int index = -1;
      for (int i = 0; target != null && target.isArray() && i < target.size(); i++) {
        if (name.equals(target.get(i).path("name").asText()) && in.equals(target.get(i).path("in").asText())) {
          index = i;
        }
      }
      if (index < 0) {
        stale(pointer, "no " + in + " parameter " + name + " in the merged document");
      } else {
        walk(entry, (ObjectNode) target.get(index), pointer + "/" + index);
      }
    }
  }

  /** A map from enum value to a constant name (or description), e.g. {0: BOTH, 1: PRIMARY}. */
  private static void checkEnumMap(String key, JsonNode value, String pointer) {
    if (!value.isObject()) {
      throw new SpecException("decorations " + pointer + ": must map each enum value to its "
          + (key.equals(ENUM_NAMES) ? "constant name" : "description") + ", e.g. {0: BOTH, 1: PRIMARY}");
    }
    Set<String> names = new HashSet<>();
    value.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        throw new SpecException("decorations " + pointer + "/" + FragmentMerger.escape(e.getKey()) + ": must be text");
      }
      if (key.equals(ENUM_NAMES) && (!e.getValue().asText().matches(IDENTIFIER) || !names.add(e.getValue().asText()))) {
        throw new SpecException("decorations " + pointer + "/" + FragmentMerger.escape(e.getKey())
            + ": must be a constant name used once, not " + e.getValue());
      }
    });
  }

  /** Validates each example a decoration added against its schema; one that fails is taken back out. */
  private void checkExamples() {
    SchemaValidator validator = new SchemaValidator(document);
    for (String pointer : addedExamples) {
      int slash = pointer.lastIndexOf('/');
      String holderPointer = pointer.substring(0, slash);
      String key = pointer.substring(slash + 1);
      ObjectNode holder = (ObjectNode) document.at(holderPointer);
      boolean holderIsSchema = schemaPointers.contains(holderPointer);
      JsonNode schema;
      if (holderIsSchema) {
        ObjectNode withoutExamples = holder.deepCopy();
        withoutExamples.remove(List.of("example", "examples"));
        schema = withoutExamples;
      } else if (holder.has("schema")) {
        schema = holder.get("schema");
      } else {
        continue;
      }
      List<JsonNode> values = new ArrayList<>();
      JsonNode added = holder.get(key);
      if (key.equals("example")) {
        values.add(added);
      } else if (holderIsSchema) {
        added.forEach(values::add);
      } else {
        added.forEach(example -> {
          if (example.has("value")) {
            values.add(example.get("value"));
          }
        });
      }
      for (JsonNode value : values) {
        List<String> errors = validator.validate(schema, value);
        if (!errors.isEmpty()) {
          holder.remove(key);
          stale(pointer, "the example is not valid for the schema upstream now publishes (" + errors.get(0) + ")");
          break;
        }
      }
    }
  }

  private void nameDecoratedEnums() {
    enumDecorations.forEach((pointer, decorations) -> {
      ObjectNode schema = (ObjectNode) document.at(pointer);
      Set<String> values = new HashSet<>();
      schema.get("enum").forEach(v -> values.add(DerivedNames.valueKey(v)));
      for (Map.Entry<String, JsonNode> decoration : decorations.entrySet()) {
        String key = decoration.getKey();
        String at = pointer + "/" + key;
        if (schema.has(key)) {
          stale(at, "upstream gives " + key + " itself " + abbreviate(schema.get(key)));
          continue;
        }
        Map<String, String> byValue = new HashMap<>();
        decoration.getValue().fields().forEachRemaining(e -> {
          if (values.contains(e.getKey())) {
            byValue.put(e.getKey(), e.getValue().asText());
          } else {
            stale(at + "/" + FragmentMerger.escape(e.getKey()), "the enum no longer has the value " + e.getKey());
          }
        });
        if (key.equals(ENUM_NAMES)) {
          String warning = DerivedNames.enumNames(schema, byValue, pointer);
          if (warning != null) {
            warnings.add(warning);
          }
        } else {
          ArrayNode descriptions = schema.arrayNode();
          schema.get("enum").forEach(v -> {
            if (!v.isNull()) {
              descriptions.add(byValue.getOrDefault(DerivedNames.valueKey(v), ""));
            }
          });
          schema.set(key, descriptions);
        }
      }
    });
  }

  private void extract() {
    toExtract.forEach((pointer, name) -> {
      String at = pointer + "/" + COMPONENT_NAME;
      JsonNode schema = document.at(pointer);
      if (!schemaPointers.contains(pointer) || !schema.isObject()) {
        stale(at, "no inline schema there to name " + name);
        return;
      }
      if (schema.has("$ref")) {
        stale(at, "upstream refers to " + schema.get("$ref").asText() + " there now, so there is nothing to name");
        return;
      }
      ObjectNode schemas = document.with("components").with("schemas");
      JsonNode existing = schemas.get(name);
      if (existing != null && !existing.equals(schema)) {
        stale(at, "#/components/schemas/" + name + " already exists with other content");
        return;
      }
      schemas.set(name, schema.deepCopy());
      int slash = pointer.lastIndexOf('/');
      ObjectNode holder = (ObjectNode) document.at(pointer.substring(0, slash));
      String token = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
      holder.putObject(token).put("$ref", "#/components/schemas/" + name);
      named.add(pointer + ": inline schema named #/components/schemas/" + name);
    });
  }

  private void stale(String pointer, String reason) {
    stale.add(pointer + ": " + reason);
  }

  private static boolean isInteger(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals("integer")) {
          return true;
        }
      }
      return false;
    }
    return type.asText().equals("integer");
  }

  /** Upstream values quoted in messages, cut short so a whole schema never floods the log. */
  private static String abbreviate(JsonNode value) {
    String text = value.toString();
    return "(" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + ")";
  }
}
