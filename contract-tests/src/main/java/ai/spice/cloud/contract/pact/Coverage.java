package ai.spice.cloud.contract.pact;

import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.conformance.Interaction;
import ai.spice.cloud.spec.conformance.Operations;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which documented (operation, response code) pairs the interactions exercise. The released baseline must be
 * covered in full; what the current document adds is listed until the next release moves the baseline.
 */
public final class Coverage {
  /** One documented response of one operation, and the interactions that exercise it. */
  public record Item(String method, String path, String status, List<String> exercisedBy) {
    public String key() {
      return method + " " + path + " " + status;
    }

    public boolean covered() {
      return !exercisedBy.isEmpty();
    }
  }

  public record Result(List<Item> baseline, List<Item> addedSinceBaseline) {
    public List<Item> missing() {
      return baseline.stream().filter(i -> !i.covered()).toList();
    }

    public double percent() {
      return baseline.isEmpty() ? 100.0 : 100.0 * (baseline.size() - missing().size()) / baseline.size();
    }

    public boolean complete() {
      return missing().isEmpty();
    }
  }

  private Coverage() {}

  public static Result compute(JsonNode baselineDoc, JsonNode currentDoc, List<Interaction> interactions) {
    Map<String, Item> base = items(baselineDoc, interactions);
    Map<String, Item> current = items(currentDoc, interactions);
    List<Item> added = current.values().stream().filter(i -> !base.containsKey(i.key())).toList();
    return new Result(List.copyOf(base.values()), added);
  }

  private static Map<String, Item> items(JsonNode doc, List<Interaction> interactions) {
    Operations operations = new Operations(doc);
    Map<String, Item> items = new LinkedHashMap<>();
    doc.path("paths").fields().forEachRemaining(p -> OpenApiDocs.METHODS.forEach(method -> {
      JsonNode op = p.getValue().get(method);
      if (op == null) {
        return;
      }
      op.path("responses").fieldNames().forEachRemaining(status -> {
        Item item = new Item(method.toUpperCase(Locale.ROOT), p.getKey(), status, new ArrayList<>());
        items.put(item.key(), item);
      });
    }));
    for (Interaction i : interactions) {
      operations.match(i.path()).ifPresent(m -> m.operation(i.method()).ifPresent(op ->
          Operations.responseKey(op, i.status()).ifPresent(status -> {
            Item item = items.get(i.method().toUpperCase(Locale.ROOT) + " " + m.template() + " " + status);
            if (item != null) {
              item.exercisedBy().add("'" + i.description() + "'");
            }
          })));
    }
    return items;
  }

  public static String render(Result r, int interactionCount) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Baseline coverage: %d of %d documented responses exercised (%.1f%%) by %d"
        + " interaction(s)%n%n", r.baseline().size() - r.missing().size(), r.baseline().size(), r.percent(),
        interactionCount));
    for (Item i : r.baseline()) {
      b.append(i.covered() ? "  covered      " : "  NOT COVERED  ").append(i.key());
      if (i.covered()) {
        b.append("  <- ").append(String.join("; ", i.exercisedBy()));
      }
      b.append('\n');
    }
    b.append("\nAdded by the current document beyond the baseline (not gating until the baseline moves): ")
        .append(r.addedSinceBaseline().size()).append('\n');
    for (Item i : r.addedSinceBaseline()) {
      b.append(i.covered() ? "  covered      " : "  not yet covered  ").append(i.key()).append('\n');
    }
    b.append(r.complete() ? "\nVERDICT: complete\n" : "\nVERDICT: FAILED, baseline responses without an interaction\n");
    return b.toString();
  }
}
