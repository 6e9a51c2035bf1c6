package ai.spice.cloud.spec.tool;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lists the operations a document leaves public, one {@code METHOD /path} line each: those whose effective
 * security (their own {@code security}, else the document's) has no requirement to meet. The client build
 * writes the list into the client jar, which sends no token to them; the generated interfaces carry no
 * security information.
 */
public final class PublicOperations {

  private PublicOperations() {}

  /**
   * @param args {@code openapi.yaml output-file}; the output is rewritten only when its content changes, so
   *     an unchanged spec leaves the client's incremental build alone
   * @throws IOException if the document cannot be read or the list not written
   */
  public static void main(String[] args) throws IOException {
    List<String> operations = list(OpenApiDocs.read(Path.of(args[0])));
    Path out = Path.of(args[1]);
    StringBuilder text = new StringBuilder("# Operations the spec leaves public (no security requirement), derived")
        .append(" from openapi.yaml at build time by ").append(PublicOperations.class.getName()).append(".\n");
    operations.forEach(operation -> text.append(operation).append('\n'));
    if (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).contentEquals(text)) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, text, StandardCharsets.UTF_8);
    }
    System.out.println("[spec] public operations: " + operations + " -> " + out);
  }

  /** @return {@code METHOD /path} of every operation without a security requirement, in document order */
  static List<String> list(JsonNode document) {
    List<String> found = new ArrayList<>();
    JsonNode rootSecurity = document.path("security");
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : OpenApiDocs.METHODS) {
        JsonNode operation = path.getValue().get(method);
        if (operation != null && !requiresAnything(operation.has("security") ? operation.get("security") : rootSecurity)) {
          found.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return found;
  }

  /** A list of alternatives; one that is empty ({@code {}}) or an empty list means nothing is required. */
  private static boolean requiresAnything(JsonNode security) {
    if (security == null || !security.isArray() || security.isEmpty()) {
      return false;
    }
    for (JsonNode alternative : security) {
      if (alternative.isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
