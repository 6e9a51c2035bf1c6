package ai.spice.cloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the journal never shows: credentials and API key values. */
final class Masking {
  static final String MASK = "****";
  private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");
  private static final Set<String> SECRET_FIELDS = Set.of("api_key", "api_key_2");

  private Masking() {}

  /** Keeps the scheme of an Authorization value ("Bearer ****") so a test can still see which one was sent. */
  static List<String> header(String name, List<String> values) {
    if (!CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      return List.copyOf(values);
    }
    List<String> masked = new ArrayList<>(values.size());
    for (String v : values) {
      int space = v.indexOf(' ');
      masked.add(name.equalsIgnoreCase("cookie") || space < 0 ? MASK : v.substring(0, space) + " " + MASK);
    }
    return List.copyOf(masked);
  }

  /** A copy with every string value of an api_key / api_key_2 field masked, at any depth; iterative. */
  static JsonNode body(JsonNode node) {
    JsonNode copy = node.deepCopy();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(copy);
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      if (n instanceof ObjectNode o) {
        o.properties().forEach(e -> {
          if (SECRET_FIELDS.contains(e.getKey()) && e.getValue().isTextual()) {
            e.setValue(TextNode.valueOf(MASK));
          } else if (e.getValue().isContainerNode()) {
            todo.push(e.getValue());
          }
        });
      } else if (n instanceof ArrayNode a) {
        a.forEach(todo::push);
      }
    }
    return copy;
  }
}
