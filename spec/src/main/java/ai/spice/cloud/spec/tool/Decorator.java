package ai.spice.cloud.spec.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
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
 * together), or be one of {@link #ADDABLE} and absent (or equal) in the document. So a decoration cannot add
 * a path, property, status code or constraint, and cannot overwrite anything the upstream pages say.
 */
public final class Decorator {
  static final Set<String> ADDABLE = Set.of(
      "operationId", "summary", "description", "example", "examples", "contact", "license",
      "x-enum-varnames", "x-enum-descriptions",
      // An annotation in JSON Schema 2020-12 (it asserts nothing by default); it tells generators how wide
      // a number is, e.g. that app ids need 64 bits.
      "format");
  /** Directive: move this inline schema, unchanged, to components/schemas under the given name. */
  static final String COMPONENT_NAME = "x-component-name";

  private final List<String> extractions = new ArrayList<>();
  /** Deepest first, so a nested schema is named before the schema holding it moves. */
  private final Map<String, String> toExtract = new TreeMap<>(
      Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

  /** Applies {@code decorations} to {@code document} in place; returns one line per named schema. */
  public static List<String> apply(ObjectNode document, JsonNode decorations) {
    Decorator decorator = new Decorator();
    if (decorations != null && !decorations.isNull() && !decorations.isMissingNode()) {
      decorator.walk(decorations, document, "");
    }
    decorator.extract(document);
    return decorator.extractions;
  }

  private void walk(JsonNode decoration, JsonNode target, String pointer) {
    if (!decoration.isObject() || !target.isObject()) {
      throw new SpecException("decorations " + pointer + ": expected an object in both the decoration "
          + "and the merged document");
    }
    ObjectNode targetObject = (ObjectNode) target;
    for (Iterator<Map.Entry<String, JsonNode>> it = decoration.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      String childPointer = pointer + "/" + FragmentMerger.escape(key);
      JsonNode value = field.getValue();
      JsonNode existing = targetObject.get(key);
      if (key.equals(COMPONENT_NAME)) {
        if (!value.isTextual() || !value.asText().matches("[A-Za-z][A-Za-z0-9_]*")) {
          throw new SpecException("decorations " + childPointer + ": must be a schema name");
        }
        if (!pointer.contains("/schema")) {
          throw new SpecException("decorations " + childPointer + ": only an inline schema of a parameter, "
              + "request body or response (or one nested in it) can be named");
        }
        toExtract.put(pointer, value.asText());
      } else if (existing != null && existing.isObject() && value.isObject()
          && !key.equals("example") && !key.equals("examples")) {
        walk(value, existing, childPointer);
      } else if (key.equals("parameters") && existing != null && existing.isArray() && value.isArray()) {
        walkParameters(value, existing, childPointer);
      } else if (ADDABLE.contains(key)) {
        if (existing != null && !existing.equals(value)) {
          throw new SpecException("decorations " + childPointer + ": would overwrite what the upstream "
              + "fragments say; decorations may only add");
        }
        checkEnumAnnotation(key, value, targetObject, childPointer);
        targetObject.set(key, value.deepCopy());
      } else if (existing == null || !existing.equals(value)) {
        throw new SpecException("decorations " + childPointer + ": not in the merged document, and \"" + key
            + "\" is not one of the keys a decoration may add " + new TreeSet<>(ADDABLE));
      }
    }
  }

  /** Arrays are decorated only as parameter lists, each entry found by its "name" and "in". */
  private void walkParameters(JsonNode decoration, JsonNode target, String pointer) {
    for (JsonNode entry : decoration) {
      String name = entry.path("name").asText(null);
      String in = entry.path("in").asText(null);
      if (name == null || in == null) {
        throw new SpecException("decorations " + pointer + ": array entries must name a parameter by \"name\" "
            + "and \"in\"");
      }
      int index = -1;
      for (int i = 0; i < target.size(); i++) {
        if (name.equals(target.get(i).path("name").asText()) && in.equals(target.get(i).path("in").asText())) {
          index = i;
        }
      }
      if (index < 0) {
        throw new SpecException("decorations " + pointer + ": no " + in + " parameter " + name
            + " in the merged document");
      }
      walk(entry, target.get(index), pointer + "/" + index);
    }
  }

  private static void checkEnumAnnotation(String key, JsonNode value, ObjectNode schema, String pointer) {
    if (!key.startsWith("x-enum-")) {
      return;
    }
    JsonNode values = schema.path("enum");
    if (!values.isArray() || !value.isArray() || values.size() != value.size()) {
      throw new SpecException("decorations " + pointer + ": must name each of the " + values.size()
          + " values of the sibling \"enum\", in order");
    }
  }

  private void extract(ObjectNode document) {
    toExtract.forEach((pointer, name) -> {
      JsonNode schema = document.at(pointer);
      if (!schema.isObject()) {
        throw new SpecException("decorations " + pointer + ": no inline schema there to name " + name);
      }
      ObjectNode schemas = document.with("components").with("schemas");
      JsonNode existing = schemas.get(name);
      if (existing != null && !existing.equals(schema)) {
        throw new SpecException("decorations " + pointer + ": components/schemas/" + name
            + " already exists with other content");
      }
      schemas.set(name, schema.deepCopy());
      int slash = pointer.lastIndexOf('/');
      ObjectNode holder = (ObjectNode) document.at(pointer.substring(0, slash));
      String token = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
      holder.putObject(token).put("$ref", "#/components/schemas/" + name);
      extractions.add(pointer + ": inline schema named #/components/schemas/" + name);
    });
  }
}
