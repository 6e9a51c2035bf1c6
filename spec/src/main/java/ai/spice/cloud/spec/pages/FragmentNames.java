package ai.spice.cloud.spec.pages;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The file name of each imported block, derived from the page and from what the block defines, so the same
 * block gets the same name on every import wherever the page was read from (its URL or a saved copy):
 * {@code <page>.<method>.<path>.json} for operations (several joined with {@code +}), e.g.
 * {@code api-keys.post.v1-apps-appId-api-keys.json}, and {@code <page>.components.<Name>.json} for a block
 * that only carries components, e.g. {@code models.components.App.json}.
 *
 * <p>{@code <page>} is the last segment of the page's address without its extension, so every file a page
 * gave is found again by that prefix, which is how a block the page no longer publishes is noticed.
 */
final class FragmentNames {
  /** Published blocks define one operation each; a block with more is named by its first. */
  private static final int LISTED = 3;

  private FragmentNames() {}

  /** {@code https://docs.spice.ai/.../api-keys.md} and {@code /tmp/api-keys.md} are both page {@code api-keys}. */
  static String page(String source) {
    String path = source;
    if (source.startsWith("https://") || source.startsWith("http://")) {
      String uriPath = URI.create(source).getPath();
      path = uriPath == null ? "" : uriPath;
    }
    path = path.replace('\\', '/');
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String last = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.(md|markdown|mdx|txt)$", "");
    String slug = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      throw new IllegalArgumentException("page " + source + ": its address has no last segment to name its files by");
    }
    return slug;
  }

  /** The file name for one block of page {@code page}, or null when the block defines nothing to name it by. */
  static String of(String page, JsonNode fragment) {
    List<String> operations = new ArrayList<>();
    Map<String, JsonNode> paths = new TreeMap<>();
    fragment.path("paths").fields().forEachRemaining(e -> paths.put(e.getKey(), e.getValue()));
    paths.forEach((path, item) -> {
      for (String method : OpenApiDocs.METHODS) {
        if (item.has(method)) {
          operations.add(method + "." + pathPart(path));
        }
      }
    });
    if (!operations.isEmpty()) {
      return page + "." + joined(operations, "+") + ".json";
    }
    TreeSet<String> components = new TreeSet<>();
    fragment.path("components").forEach(section -> section.fieldNames().forEachRemaining(components::add));
    if (!components.isEmpty()) {
      return page + ".components." + joined(new ArrayList<>(components), "-").replaceAll("[^A-Za-z0-9._+-]", "_")
          + ".json";
    }
    return null;
  }

  /** Up to {@link #LISTED} parts; beyond that the first and a count, so a name stays a usable file name. */
  private static String joined(List<String> parts, String separator) {
    if (parts.size() <= LISTED) {
      return String.join(separator, parts);
    }
    return parts.get(0) + "+" + (parts.size() - 1) + "-more";
  }

  /** /v1/apps/{appId}/api-keys -> v1-apps-appId-api-keys. */
  private static String pathPart(String path) {
    String part = path.replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    return part.isEmpty() ? "root" : part;
  }
}
