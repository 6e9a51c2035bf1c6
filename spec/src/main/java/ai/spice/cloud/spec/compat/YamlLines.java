package ai.spice.cloud.spec.compat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of each node of a YAML document, for annotations that point at the line of a finding. Built in one
 * pass over the parser's tokens (a mapping entry is on the line of its key, an array item on the line where
 * it starts); a lookup walks the pointer, so the cost is linear in the document plus the pointers asked for.
 */
final class YamlLines {
  private static final YAMLFactory YAML = new YAMLFactory();

  private static final class Node {
    final int line;
    Map<String, Node> fields;
    List<Node> items;

    Node(int line) {
      this.line = line;
    }
  }

  private final Node root;

  private YamlLines(Node root) {
    this.root = root;
  }

  static YamlLines index(String text) {
    Node root = new Node(1);
    try (JsonParser p = YAML.createParser(text)) {
      Deque<Node> open = new ArrayDeque<>();
      String name = null;
      int nameLine = 1;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.FIELD_NAME) {
          name = p.currentName();
          nameLine = line;
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          open.pop();
          continue;
        }
        Node node;
        Node parent = open.peek();
        if (parent == null) {
          node = root;
        } else if (parent.fields != null) {
          node = new Node(nameLine);
          parent.fields.put(name, node);
        } else {
          node = new Node(line);
          parent.items.add(node);
        }
        if (t == JsonToken.START_OBJECT) {
          node.fields = new HashMap<>();
          open.push(node);
        } else if (t == JsonToken.START_ARRAY) {
          node.items = new ArrayList<>();
          open.push(node);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new YamlLines(root);
  }

  /** The line of the node at {@code pointer}, or of its nearest existing parent. */
  int line(String pointer) {
    Node node = root;
    if (pointer == null || pointer.isEmpty()) {
      return node.line;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      Node next = null;
      if (node.fields != null) {
        next = node.fields.get(token);
      } else if (node.items != null && token.matches("\\d{1,9}")) {
        int i = Integer.parseInt(token);
        next = i < node.items.size() ? node.items.get(i) : null;
      }
      if (next == null) {
        break;
      }
      node = next;
    }
    return node.line;
  }
}
