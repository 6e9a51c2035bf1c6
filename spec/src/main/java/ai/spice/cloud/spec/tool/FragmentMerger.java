package ai.spice.cloud.spec.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Unions paths, operations, components and tags of any number of fragments.
 *
 * <p>Works on the JSON tree rather than swagger's model so that nothing the fragments say is lost or
 * reinterpreted on the way through. Anything two fragments both define must be identical; otherwise the
 * merge fails naming both files, the JSON pointer and the first difference below it. A fragment may lack any
 * top-level member ({@code tags}, {@code servers}, {@code security}, {@code components}, even {@code paths}).
 * A fragment's top-level {@code security} is its own operations' requirement: one without it (or with an
 * empty one) describes public operations, which stay public in the merged document (an operation-level
 * {@code security: []}), and one that requires something other than the rest has its operations carry that
 * themselves; both are listed as normalizations.
 */
public final class FragmentMerger {
  /** Top-level members every fragment restates; they must agree, except security (see the class comment). */
  private static final List<String> SHARED = List.of("openapi", "info", "servers", "security");

  private final ObjectNode merged = JsonNodeFactory.instance.objectNode();
  private final List<String> normalizations = new ArrayList<>();
  /** JSON pointer of each defined member, to the fragment that first defined it. */
  private final Map<String, String> origin = new HashMap<>();

  public static ObjectNode merge(List<Fragment> fragments) {
    return mergeListing(fragments, new ArrayList<>());
  }

  /** Merges, adding one line per normalization the merge made to {@code normalizations}. */
  public static ObjectNode mergeListing(List<Fragment> fragments, List<String> normalizations) {
    if (fragments.isEmpty()) {
      throw new SpecException("no fragments to merge");
    }
    FragmentMerger merger = new FragmentMerger();
    merger.chooseSharedSecurity(fragments);
    for (Fragment fragment : fragments) {
      merger.add(fragment);
    }
    normalizations.addAll(merger.normalizations);
    return merger.merged;
  }

  private void add(Fragment original) {
    Fragment fragment = ownSecurityOnOperations(original);
    ObjectNode doc = fragment.document();
    for (String key : SHARED) {
      if (doc.has(key) && !key.equals("security")) {
        putOnce(merged, key, doc.get(key), "/" + key, fragment.name());
      }
    }
    mergeTags(doc.path("tags"), fragment.name());
    mergeTwoLevels(doc, "paths", fragment.name());
    mergeTwoLevels(doc, "components", fragment.name());
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (!SHARED.contains(key) && !key.equals("tags") && !key.equals("paths") && !key.equals("components")) {
        putOnce(merged, key, field.getValue(), "/" + key, fragment.name());
      }
    }
  }

  /**
   * The merged document's top-level security: the non-empty requirement most fragments state (the first of
   * them on a tie), so one page that changes its own shows up at its own operations.
   */
  private void chooseSharedSecurity(List<Fragment> fragments) {
    Map<JsonNode, Integer> counts = new LinkedHashMap<>();
    Map<JsonNode, String> firstFile = new HashMap<>();
    for (Fragment f : fragments) {
      JsonNode security = f.document().get("security");
      if (security != null && !(security.isArray() && security.isEmpty())) {
        counts.merge(security, 1, Integer::sum);
        firstFile.putIfAbsent(security, f.name());
      }
    }
    counts.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).ifPresent(e -> {
      merged.set("security", e.getKey().deepCopy());
      origin.put("/security", firstFile.get(e.getKey()));
    });
  }

  /**
   * A fragment's top-level security applies to its own operations only. One that requires something other
   * than the shared requirement, or nothing (a public page), would have its operations inherit the shared one
   * once merged, so each of them carries the fragment's requirement itself.
   */
  private Fragment ownSecurityOnOperations(Fragment fragment) {
    JsonNode security = fragment.document().get("security");
    boolean isPublic = security == null || (security.isArray() && security.isEmpty());
    if ((!isPublic && security.equals(merged.get("security"))) || !fragment.document().path("paths").isObject()) {
      return fragment;
    }
    ObjectNode doc = fragment.document().deepCopy();
    doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (SpecChecks.METHODS.contains(op.getKey()) && op.getValue().isObject() && !op.getValue().has("security")) {
        String pointer = "/paths/" + escape(path.getKey()) + "/" + op.getKey() + ": " + fragment.name();
        if (isPublic) {
          ((ObjectNode) op.getValue()).putArray("security");
          normalizations.add(pointer + " has no top-level security, so the operation stays public (\"security\": [])");
        } else {
          ((ObjectNode) op.getValue()).set("security", security.deepCopy());
          normalizations.add(pointer + " requires " + security + " at its top level, unlike "
              + origin.get("/security") + ", so the operation carries it itself");
        }
      }
    }));
    return new Fragment(fragment.name(), doc);
  }

  /** paths/{path}/{method} and components/{section}/{name}: the second level is the unit of identity. */
  private void mergeTwoLevels(ObjectNode doc, String root, String file) {
    JsonNode source = doc.path(root);
    if (source.isMissingNode()) {
      return;
    }
    if (!source.isObject()) {
      throw new SpecException(file + ": /" + root + " must be an object");
    }
    ObjectNode target = merged.has(root) ? (ObjectNode) merged.get(root) : merged.putObject(root);
    source.fields().forEachRemaining(group -> {
      String groupPointer = "/" + root + "/" + escape(group.getKey());
      if (!group.getValue().isObject()) {
        throw new SpecException(file + ": " + groupPointer + " must be an object");
      }
      ObjectNode targetGroup = target.has(group.getKey())
          ? (ObjectNode) target.get(group.getKey())
          : target.putObject(group.getKey());
      group.getValue().fields().forEachRemaining(member -> putOnce(targetGroup, member.getKey(),
          member.getValue(), groupPointer + "/" + escape(member.getKey()), file));
    });
  }

  private void mergeTags(JsonNode tags, String file) {
    if (tags.isMissingNode()) {
      return;
    }
    ArrayNode target = merged.has("tags") ? (ArrayNode) merged.get("tags") : merged.putArray("tags");
    for (int i = 0; i < tags.size(); i++) {
      JsonNode tag = tags.get(i);
      String name = tag.path("name").asText();
      JsonNode existing = null;
      for (JsonNode candidate : target) {
        if (candidate.path("name").asText().equals(name)) {
          existing = candidate;
        }
      }
      if (existing == null) {
        target.add(tag.deepCopy());
        origin.put("tag " + name, file);
      } else if (!existing.equals(tag)) {
        throw new SpecException(String.format("fragments disagree at /tags/%d (tag \"%s\"): %s and %s define it "
            + "differently", i, name, origin.get("tag " + name), file));
      }
    }
  }

  private void putOnce(ObjectNode target, String key, JsonNode value, String pointer, String file) {
    JsonNode existing = target.get(key);
    if (existing == null) {
      target.set(key, value.deepCopy());
      origin.put(pointer, file);
    } else if (!existing.equals(value)) {
      String at = firstDifference(existing, value, pointer);
      throw new SpecException(String.format("fragments disagree at %s: %s and %s define it differently%s", pointer,
          origin.get(pointer), file, at.equals(pointer) ? "" : " (first difference at " + at + ")"));
    }
  }

  /** The deepest pointer below {@code pointer} where the two differ, so a reviewer sees what changed. */
  static String firstDifference(JsonNode a, JsonNode b, String pointer) {
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        JsonNode x = a.get(key);
        JsonNode y = b.get(key);
        if (x == null || y == null) {
          return pointer + "/" + escape(key);
        }
        if (!x.equals(y)) {
          return firstDifference(x, y, pointer + "/" + escape(key));
        }
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).equals(b.get(i))) {
          return firstDifference(a.get(i), b.get(i), pointer + "/" + i);
        }
      }
    }
    return pointer;
  }

  /** RFC 6901 escaping of one reference token. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
