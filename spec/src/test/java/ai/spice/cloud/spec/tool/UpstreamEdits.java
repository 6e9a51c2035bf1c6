package ai.spice.cloud.spec.tool;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Edits a copy of the published fragments the way upstream would, finding each fragment by what it defines
 * (an operation, a schema) rather than by file name. An edit whose target is gone fails loudly, naming it.
 */
final class UpstreamEdits {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path upstream;

  UpstreamEdits(Path module) {
    this.upstream = module.resolve("upstream");
  }

  /** Edits the operation {@code method path} in the fragment that defines it. */
  void operation(String method, String path, Consumer<ObjectNode> edit) {
    String file = fileDefining(method, path);
    fragment(file, f -> edit.accept((ObjectNode) f.at("/paths/" + OpenApiDocs.escape(path) + "/" + method)));
  }

  /** Edits the fragment that defines {@code method path}, as a whole. */
  void fragmentOf(String method, String path, Consumer<ObjectNode> edit) {
    fragment(fileDefining(method, path), edit);
  }

  /** Edits the component schema {@code name} in every fragment that defines it (the pages agree). */
  void schema(String name, Consumer<ObjectNode> edit) {
    List<String> files = filesWhere(f -> f.at("/components/schemas/" + name).isObject());
    require(!files.isEmpty(), "no fragment defines the schema " + name);
    files.forEach(file -> fragment(file, f -> edit.accept((ObjectNode) f.at("/components/schemas/" + name))));
  }

  /** Edits every fragment. */
  void everyFragment(Consumer<ObjectNode> edit) {
    filesWhere(f -> true).forEach(file -> fragment(file, edit));
  }

  /** Upstream stops publishing the block that defines {@code method path}. */
  void remove(String method, String path) {
    try {
      Files.delete(upstream.resolve(fileDefining(method, path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Upstream publishes a new block, made from the one defining {@code method path} by {@code edit}. */
  void addLike(String method, String path, String newFile, Consumer<ObjectNode> edit) {
    ObjectNode copy = read(fileDefining(method, path));
    edit.accept(copy);
    Fixtures.write(upstream.resolve(newFile), copy + "\n");
  }

  private String fileDefining(String method, String path) {
    List<String> files = filesWhere(f -> f.path("paths").path(path).has(method));
    require(files.size() == 1, "expected one fragment defining " + method + " " + path + ", found " + files);
    return files.get(0);
  }

  private void fragment(String file, Consumer<ObjectNode> edit) {
    ObjectNode tree = read(file);
    edit.accept(tree);
    Fixtures.write(upstream.resolve(file), tree + "\n");
  }

  private List<String> filesWhere(java.util.function.Predicate<ObjectNode> test) {
    List<String> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(upstream)) {
      for (Path p : listing.sorted().toList()) {
        if (test.test(read(p.getFileName().toString()))) {
          files.add(p.getFileName().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private ObjectNode read(String file) {
    try {
      return (ObjectNode) JSON.readTree(Files.readString(upstream.resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A node the edit needs; fails naming it when upstream no longer has it. */
  static ObjectNode at(JsonNode node, String pointer) {
    JsonNode found = node.at(pointer);
    require(found.isObject(), "the edit's target " + pointer + " is gone; update the table of edits");
    return (ObjectNode) found;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
