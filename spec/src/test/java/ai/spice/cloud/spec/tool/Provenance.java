package ai.spice.cloud.spec.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a derived document says exactly what its fragments say, plus what decorations may add and the
 * normalizations the derivation listed, whatever the fragments contain. Works from the raw fragments, not
 * from the merge step, so a step that drops or invents something is caught.
 *
 * <p>Both directions are walked: nothing any fragment says is lost or changed (following the references
 * decorations put where an inline schema was named), and nothing is in the document that no fragment says,
 * except the keys decorations may add, an operation's listed {@code security} moved down from its fragment,
 * and the 3.1 spelling of a listed {@code nullable}.
 */
final class Provenance {
  private static final Set<String> DECORATION_KEYS = Set.of("operationId", "summary", "description", "example",
      "examples", "contact", "license", "format", "x-enum-varnames", "x-enum-descriptions");

  private final ObjectNode derived;
  private final List<String> normalizations;
  private final Set<String> upstreamSchemas = new HashSet<>();
  private final List<String> problems = new ArrayList<>();

  private Provenance(ObjectNode derived, List<String> normalizations) {
    this.derived = derived;
    this.normalizations = normalizations;
  }

  /** Every difference, one line each with its pointer; empty when the document is exactly accounted for. */
  static List<String> check(List<Fragment> fragments, ObjectNode derived, List<String> normalizations) {
    Provenance p = new Provenance(derived, normalizations);
    fragments.forEach(f -> f.document().path("components").path("schemas").fieldNames()
        .forEachRemaining(p.upstreamSchemas::add));
    for (Fragment f : fragments) {
      p.nothingLost(f.document(), "", f.name());
    }
    p.nothingAdded(derived, "", fragments.stream().map(f -> (JsonNode) f.document()).toList());
    return p.problems;
  }

  // ---- upstream -> derived: nothing lost or changed

  private void nothingLost(JsonNode up, String pointer, String file) {
    if (pointer.equals("/tags")) {
      up.forEach(tag -> {
        if (!containsTag(derived.path("tags"), tag)) {
          problems.add(file + " " + pointer + ": tag " + tag.path("name") + " lost or changed");
        }
      });
      return;
    }
    if (pointer.equals("/security") && up.isArray() && up.isEmpty()) {
      return; // a public fragment: its operations carry the empty requirement instead
    }
    JsonNode down = derivedAt(pointer);
    if (down == null) {
      problems.add(file + " " + pointer + ": lost");
      return;
    }
    if (up.isObject()) {
      boolean nullable = up.path("nullable").asBoolean(false);
      up.fields().forEachRemaining(e -> {
        String key = e.getKey();
        String child = pointer + "/" + FragmentMerger.escape(key);
        if (key.equals("nullable") && e.getValue().isBoolean()) {
          if (down.has("nullable") || !listed(pointer + ": \"nullable")) {
            problems.add(file + " " + child + ": nullable rewritten without a listed normalization");
          }
        } else if (nullable && key.equals("type")) {
          if (!down.path("type").equals(typeWithNull(e.getValue()))) {
            problems.add(file + " " + child + ": expected " + typeWithNull(e.getValue()) + ", found " + down.path("type"));
          }
        } else if (nullable && key.equals("enum")) {
          if (!down.path("enum").equals(enumWithNull(e.getValue()))) {
            problems.add(file + " " + child + ": expected " + enumWithNull(e.getValue()) + ", found " + down.path("enum"));
          }
        } else {
          nothingLost(e.getValue(), child, file);
        }
      });
    } else if (up.isArray()) {
      if (!down.isArray() || down.size() != up.size()) {
        problems.add(file + " " + pointer + ": was " + up + ", is " + down);
        return;
      }
      for (int i = 0; i < up.size(); i++) {
        nothingLost(up.get(i), pointer + "/" + i, file);
      }
    } else if (!sameValue(up, down)) {
      problems.add(file + " " + pointer + ": was " + up + ", is " + down);
    }
  }

  /** Where the document holds what the fragments say at {@code pointer} (inline schemas may have been named). */
  static JsonNode locate(List<Fragment> fragments, ObjectNode derived, String pointer) {
    Provenance p = new Provenance(derived, List.of());
    fragments.forEach(f -> f.document().path("components").path("schemas").fieldNames()
        .forEachRemaining(p.upstreamSchemas::add));
    JsonNode node = p.derivedAt(pointer);
    return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
  }

  /** The derived node at an upstream pointer, following references to schemas decorations named. */
  private JsonNode derivedAt(String pointer) {
    JsonNode node = derived;
    for (String token : tokens(pointer)) {
      node = followNamed(node);
      node = node.isArray() ? node.get(parseIndex(token)) : node.get(token);
      if (node == null) {
        return null;
      }
    }
    return followNamed(node);
  }

  // ---- derived -> upstream: nothing added

  private void nothingAdded(JsonNode down, String pointer, List<JsonNode> ups) {
    if (pointer.equals("/tags")) {
      down.forEach(tag -> {
        if (ups.stream().noneMatch(t -> containsTag(t, tag))) {
          problems.add(pointer + ": tag " + tag.path("name") + " is in no fragment");
        }
      });
      return;
    }
    if (down.isObject()) {
      boolean nullable = ups.stream().anyMatch(u -> u.path("nullable").asBoolean(false));
      down.fields().forEachRemaining(e -> {
        String key = e.getKey();
        String child = pointer + "/" + FragmentMerger.escape(key);
        if (pointer.equals("/components/schemas") && !upstreamSchemas.contains(key)) {
          return; // a schema decorations named, compared where it is referenced
        }
        if (nullable && (key.equals("type") || key.equals("enum"))) {
          return; // compared with the upstream value in nothingLost
        }
        List<JsonNode> next = new ArrayList<>();
        ups.forEach(u -> {
          if (u.isObject() && u.has(key)) {
            next.add(u.get(key));
          }
        });
        if (next.isEmpty()) {
          if (!allowedAddition(key, e.getValue(), down, pointer)) {
            problems.add(child + ": in no fragment, and not something decorations or a listed normalization add");
          }
          return;
        }
        JsonNode value = e.getValue();
        if (isNamedRef(value) && next.stream().noneMatch(Provenance::isRef)) {
          value = followNamed(value);
        }
        nothingAdded(value, child, next);
      });
    } else if (down.isArray()) {
      for (int i = 0; i < down.size(); i++) {
        int index = i;
        List<JsonNode> next = ups.stream().filter(u -> u.isArray() && u.size() > index).map(u -> u.get(index)).toList();
        if (next.isEmpty()) {
          problems.add(pointer + "/" + i + ": in no fragment");
        } else {
          nothingAdded(down.get(i), pointer + "/" + i, next);
        }
      }
    } else if (ups.stream().noneMatch(u -> sameValue(u, down))) {
      problems.add(pointer + ": " + down + " is in no fragment (they say " + ups + ")");
    }
  }

  private boolean allowedAddition(String key, JsonNode value, JsonNode holder, String pointer) {
    if (key.equals("format")) {
      return (value.asText().equals("int32") || value.asText().equals("int64"))
          && (holder.path("type").asText().equals("integer") || holder.path("type").toString().contains("\"integer\""));
    }
    if (DECORATION_KEYS.contains(key)) {
      return true;
    }
    // An operation's own security where its fragment's top-level one was moved down (the value is checked by
    // RealDocumentTest against the fragment).
    return key.equals("security") && value.isArray() && listed(pointer + ": ");
  }

  // ---- helpers

  private JsonNode followNamed(JsonNode node) {
    return isNamedRef(node) ? derived.at(node.get("$ref").asText().substring(1)) : node;
  }

  private boolean isNamedRef(JsonNode node) {
    if (!isRef(node) || node.size() != 1) {
      return false;
    }
    String ref = node.get("$ref").asText();
    return ref.startsWith("#/components/schemas/")
        && !upstreamSchemas.contains(ref.substring("#/components/schemas/".length()));
  }

  private static boolean isRef(JsonNode node) {
    return node.isObject() && node.has("$ref");
  }

  private boolean listed(String prefix) {
    return normalizations.stream().anyMatch(n -> n.startsWith(prefix));
  }

  /** The 3.1 spelling of a nullable schema's type: "string" -> ["string", "null"]. */
  private static JsonNode typeWithNull(JsonNode type) {
    ArrayNode types = type.isArray() ? ((ArrayNode) type).deepCopy() : JsonNodeFactory.instance.arrayNode().add(type);
    for (JsonNode t : types) {
      if (t.asText().equals("null")) {
        return types;
      }
    }
    return types.add("null");
  }

  /** A nullable schema's enum admits null too. */
  private static JsonNode enumWithNull(JsonNode values) {
    ArrayNode copy = ((ArrayNode) values).deepCopy();
    for (JsonNode v : copy) {
      if (v.isNull()) {
        return copy;
      }
    }
    return copy.addNull();
  }

  private static boolean containsTag(JsonNode tags, JsonNode tag) {
    for (JsonNode t : tags) {
      if (t.equals(tag)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    return a.equals(b) || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0);
  }

  private static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    for (String t : pointer.substring(1).split("/", -1)) {
      tokens.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  private static int parseIndex(String token) {
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

}
