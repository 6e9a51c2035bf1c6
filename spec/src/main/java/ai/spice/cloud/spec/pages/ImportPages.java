package ai.spice.cloud.spec.pages;

import ai.spice.cloud.spec.tool.SpecException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Imports published pages into {@code upstream/}: every {@code ```json} block of a page, byte for byte, as
 * one file named by {@link FragmentNames}. Prints, per page, which files were added, changed, left unchanged,
 * or removed because the page no longer publishes them.
 *
 * <p>Every page is read and every block checked (JSON, an OpenAPI object, a name) before anything is
 * written, so a bad block on any page leaves {@code upstream/} exactly as it was.
 */
public final class ImportPages {
  /** The pages the project follows, one address per line, relative to the spec module. */
  public static final String PAGES = "pages.txt";
  public static final String COMMAND = "./mvnw -B -q -pl spec compile exec:java@import-pages [-Dpage=<file or https URL>]";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** What one import did to one file. */
  public enum Change { ADDED, CHANGED, UNCHANGED, REMOVED }

  public record FileChange(String page, String file, Change change) {}

  /** Every file a page gave or no longer gives, in page order; files of {@code upstream/} no page gave. */
  public record Result(List<FileChange> files, List<String> unlisted) {
    public boolean changedAnything() {
      return files.stream().anyMatch(f -> f.change() != Change.UNCHANGED);
    }
  }

  private record Planned(String page, String file, String text) {}

  private ImportPages() {}

  /**
   * {@code moduleDir [page]}: imports {@code page} (a file, relative to the working directory, or a URL), or
   * without it every page of {@code pages.txt}.
   */
  public static void main(String[] args) {
    Path moduleDir = Path.of(args[0]);
    String page = args.length > 1 && args[1] != null ? args[1].strip() : "";
    Result result = page.isEmpty()
        ? run(moduleDir.resolve("upstream"), listed(moduleDir), moduleDir, new PageSource(), true)
        : run(moduleDir.resolve("upstream"), List.of(page), Path.of("").toAbsolutePath(), new PageSource(), false);
    System.out.print(render(result));
  }

  /** The addresses in {@code pages.txt}: one per line, blank lines and {@code #} comments skipped. */
  public static List<String> listed(Path moduleDir) {
    Path file = moduleDir.resolve(PAGES);
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new SpecException("cannot read " + file + ": " + e);
    }
  }

  /**
   * Imports {@code sources}; {@code base} resolves relative file paths. With {@code all}, the sources are every
   * page the project follows, and files of {@code upstream/} that none of them gave are listed as unlisted.
   */
  static Result run(Path upstream, List<String> sources, Path base, PageSource reader, boolean all) {
    if (sources.isEmpty()) {
      throw new SpecException("no pages to import");
    }
    Map<String, String> pages = new LinkedHashMap<>();
    List<Planned> planned = new ArrayList<>();
    for (String source : sources) {
      String page;
      try {
        page = FragmentNames.page(source);
      } catch (IllegalArgumentException e) {
        throw new SpecException(e.getMessage());
      }
      String other = pages.putIfAbsent(page, source);
      if (other != null) {
        throw new SpecException("pages " + other + " and " + source + " would both name their files " + page
            + ".*.json; one page per last address segment");
      }
      planned.addAll(plan(page, source, reader.read(source, base)));
    }
    List<FileChange> changes = compare(upstream, pages, planned);
    write(upstream, planned, changes);
    return new Result(changes, all ? unlisted(upstream, pages.keySet()) : List.of());
  }

  /** The files one page gives, each block checked; throws, naming the page and block, on the first bad one. */
  private static List<Planned> plan(String page, String source, String text) {
    List<JsonBlocks.Block> blocks = JsonBlocks.extract(text, source);
    if (blocks.isEmpty()) {
      throw new SpecException("page " + source + ": no ```json block on it; is this the page's markdown?");
    }
    List<Planned> files = new ArrayList<>();
    Map<String, Integer> blockOf = new HashMap<>();
    for (JsonBlocks.Block block : blocks) {
      String where = "page " + source + ": block " + block.number() + " (line " + block.line() + ")";
      JsonNode tree;
      try {
        tree = JSON.readTree(block.text());
      } catch (JsonProcessingException e) {
        String at = e.getLocation() == null ? ""
            : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + " of the block";
        throw new SpecException(where + " is not JSON" + at + ": " + e.getOriginalMessage());
      }
      if (tree == null || !tree.isObject() || !tree.path("openapi").isTextual()
          || !tree.get("openapi").asText().matches("3\\.[0-9]+\\.[0-9]+.*")) {
        throw new SpecException(where + " is JSON but not an OpenAPI object (no \"openapi\": \"3.x.y\" member)");
      }
      String file = FragmentNames.of(page, tree);
      if (file == null) {
        throw new SpecException(where + " defines no operation and no component, so it has no name to be "
            + "imported under");
      }
      Integer earlier = blockOf.putIfAbsent(file, block.number());
      if (earlier != null) {
        throw new SpecException("page " + source + ": blocks " + earlier + " and " + block.number()
            + " define the same thing (" + file + ")");
      }
      files.add(new Planned(page, file, block.text()));
    }
    return files;
  }

  private static List<FileChange> compare(Path upstream, Map<String, String> pages, List<Planned> planned) {
    List<FileChange> changes = new ArrayList<>();
    for (String page : pages.keySet()) {
      Set<String> given = new TreeSet<>();
      for (Planned p : planned) {
        if (p.page().equals(page)) {
          given.add(p.file());
          Path file = upstream.resolve(p.file());
          Change change = !Files.exists(file) ? Change.ADDED
              : Arrays.equals(read(file), p.text().getBytes(StandardCharsets.UTF_8)) ? Change.UNCHANGED
              : Change.CHANGED;
          changes.add(new FileChange(pages.get(page), p.file(), change));
        }
      }
      for (String existing : files(upstream)) {
        if (existing.startsWith(page + ".") && !given.contains(existing)) {
          changes.add(new FileChange(pages.get(page), existing, Change.REMOVED));
        }
      }
    }
    return changes;
  }

  private static void write(Path upstream, List<Planned> planned, List<FileChange> changes) {
    Map<String, String> texts = planned.stream().collect(Collectors.toMap(Planned::file, Planned::text));
    try {
      Files.createDirectories(upstream);
      for (FileChange c : changes) {
        Path file = upstream.resolve(c.file());
        if (c.change() == Change.ADDED || c.change() == Change.CHANGED) {
          Path temp = Files.createTempFile(upstream, ".import-", ".tmp");
          Files.write(temp, texts.get(c.file()).getBytes(StandardCharsets.UTF_8));
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else if (c.change() == Change.REMOVED) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + upstream, e);
    }
  }

  private static List<String> unlisted(Path upstream, Set<String> pages) {
    return files(upstream).stream()
        .filter(f -> !pages.contains(f.substring(0, Math.max(0, f.indexOf('.')))))
        .toList();
  }

  /** The fragment files of {@code upstream/}, sorted; none when it does not exist yet. */
  private static List<String> files(Path upstream) {
    if (!Files.isDirectory(upstream)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(upstream)) {
      return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line per file, grouped by page, then a count per kind of change. */
  static String render(Result result) {
    StringBuilder b = new StringBuilder();
    String page = null;
    for (FileChange f : result.files()) {
      if (!f.page().equals(page)) {
        page = f.page();
        b.append("[import] ").append(page).append('\n');
      }
      b.append(String.format("[import]   %-9s %s%s", f.change().name().toLowerCase(Locale.ROOT), f.file(),
          f.change() == Change.REMOVED ? " (no longer published on this page)" : "")).append('\n');
    }
    Map<Change, Long> counts = result.files().stream()
        .collect(Collectors.groupingBy(FileChange::change, () -> new java.util.EnumMap<>(Change.class),
            Collectors.counting()));
    b.append("[import] ").append(Arrays.stream(Change.values())
        .map(c -> counts.getOrDefault(c, 0L) + " " + c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "))).append('\n');
    result.unlisted().forEach(f -> b.append("[import] note: ").append(f)
        .append(" is not from any page imported now; pages.txt lists the pages the sync follows\n"));
    return b.toString();
  }
}
