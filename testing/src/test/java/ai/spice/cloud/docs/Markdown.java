package ai.spice.cloud.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the docs tests need from a Markdown page, read in one pass over its lines: fenced code blocks, inline
 * links outside code, and the anchors GitHub gives its headings.
 */
record Markdown(Path file, List<Fence> fences, List<Link> links, Set<String> anchors, List<String> h2Anchors) {

  /** A fenced block: its language (first word of the info string), the other words, its text and first line. */
  record Fence(Markdown.Where where, String language, List<String> flags, String body) {}

  /** An inline link {@code [text](target)} outside code. */
  record Link(Markdown.Where where, String target) {}

  /** A place in a page, printed as {@code docs/client.md:42} relative to the repository. */
  record Where(Path file, int line) {
    String in(Path root) {
      return root.relativize(file) + ":" + line;
    }
  }

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```+|~~~+)\\s*([^\\s`]*)(.*)$");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern LINK_TEXT = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
  // GitHub keeps letters, digits, '-', '_' and spaces of a heading's text, lower-cased, spaces as '-'.
  private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{L}\\p{N}\\p{M}\\- _]");

  static Markdown read(Path file) {
    try {
      return parse(file, Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Markdown parse(Path file, List<String> lines) {
    List<Fence> fences = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    Set<String> anchors = new LinkedHashSet<>();
    List<String> h2 = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String closing = null;
    StringBuilder body = null;
    Fence open = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher fence = FENCE.matcher(line);
      if (closing != null) {
        if (line.strip().startsWith(closing) && line.strip().replace(closing.substring(0, 1), "").isEmpty()) {
          fences.add(new Fence(open.where(), open.language(), open.flags(), body.toString()));
          closing = null;
        } else {
          body.append(line).append('\n');
        }
        continue;
      }
      if (fence.matches()) {
        closing = fence.group(1);
        String rest = fence.group(3).strip();
        open = new Fence(new Where(file, i + 2), fence.group(2).toLowerCase(Locale.ROOT),
            rest.isEmpty() ? List.of() : List.of(rest.split("\\s+")), null);
        body = new StringBuilder();
        continue;
      }
      String text = INLINE_CODE.matcher(line).replaceAll("");
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        links.add(new Link(new Where(file, i + 1), link.group(1)));
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(2));
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        String anchor = n == 0 ? slug : slug + "-" + n;
        anchors.add(anchor);
        if (heading.group(1).length() == 2) {
          h2.add(anchor);
        }
      }
    }
    if (closing != null) {
      throw new IllegalArgumentException(open.where().in(file.getParent()) + ": a fence that is never closed");
    }
    return new Markdown(file, fences, links, anchors, h2);
  }

  /** GitHub's anchor for a heading: its text, links and code marks dropped, lower-cased, spaces as hyphens. */
  static String slug(String heading) {
    String text = LINK_TEXT.matcher(heading).replaceAll("$1").replace("`", "").replace("*", "");
    return NOT_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
  }

  /** README.md and every page under docs/, README first. */
  static List<Path> pages(Path root) {
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      List<Path> pages = new ArrayList<>();
      pages.add(root.resolve("README.md"));
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository: the nearest directory up from here holding both mvnw and README.md. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("README.md"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }
}
