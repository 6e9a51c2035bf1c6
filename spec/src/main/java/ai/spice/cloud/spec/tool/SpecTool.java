package ai.spice.cloud.spec.tool;

import ai.spice.cloud.spec.compat.Gate;
import ai.spice.cloud.spec.compat.Verdict;
import ai.spice.cloud.spec.surface.SurfaceCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Derives {@code openapi.yaml} from {@code upstream/*.json} and {@code decorations.yaml}, and checks it.
 *
 * <p>Run by the build on every {@code verify}: with {@code write=false} it fails when the committed document
 * differs from what the fragments and decorations give, naming {@link #REGENERATE_COMMAND}.
 */
public final class SpecTool {
  public static final String REGENERATE_COMMAND = "./mvnw -B -pl spec process-classes -Dspec.write=true";
  static final String HEADER = "# Generated from upstream/*.json and decorations.yaml by SpecTool. Do not edit:\n"
      + "# re-derive it with " + REGENERATE_COMMAND + "\n";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build();

  /** The report of names still to review and decorations not applied, written beside the gate's. */
  public static final String WARNINGS_REPORT = "spec-warnings.txt";

  /**
   * The outcome of a derivation: the document, its text, and what the steps did to get there. {@code warnings}
   * are names derived for what upstream added and no reviewer named yet; {@code staleDecorations} are
   * decorations that no longer fit upstream and were not applied. Neither fails the build.
   */
  public record Result(ObjectNode document, String text, List<String> fragments, List<String> normalizations,
      List<String> namedSchemas, List<String> warnings, List<String> staleDecorations) {}

  private SpecTool() {}

  /**
   * The spec module's build step, in order: derive the document (and write it when asked), run the
   * breaking-change gate against the released baseline, print the warnings and stale decorations, and only
   * then check that the committed document is up to date. So a breaking change fails with the gate's finding,
   * whatever else is wrong, and warnings never fail the build.
   *
   * @param args {@code write moduleDir reportsDir [projectVersion [generator.yaml generatorName]]}
   */
  public static void main(String[] args) {
    boolean write = Boolean.parseBoolean(args[0]);
    Path moduleDir = Path.of(args[1]);
    Path reportsDir = Path.of(args[2]);
    Result result = derive(moduleDir);
    System.out.println("[spec] merged " + result.fragments().size() + " fragments: " + result.fragments());
    result.normalizations().forEach(n -> System.out.println("[spec] normalization " + n));
    result.namedSchemas().forEach(n -> System.out.println("[spec] decoration " + n));
    Path target = moduleDir.resolve("openapi.yaml");
    if (write) {
      writeString(target, result.text());
      System.out.println("[spec] wrote " + target);
    }
    // With the client's generator configuration, the generated Java surface is judged too (see SurfaceCheck).
    SurfaceCheck surface = args.length > 5 ? new SurfaceCheck(Path.of(args[4]), args[5],
        reportsDir.resolveSibling("java-surface")) : null;
    Verdict verdict = Gate.check(moduleDir, result.text(), args.length > 3 ? args[3] : null, surface, reportsDir);
    // After the verdict, so a breaking change is read first; they never fail the build by themselves.
    String warnings = warningsReport(result);
    writeString(reportsDir.resolve(WARNINGS_REPORT), warnings);
    if (!result.warnings().isEmpty() || !result.staleDecorations().isEmpty()) {
      System.out.print(warnings.replaceAll("(?m)^(?=.)", "[spec] "));
    }
    Gate.failUnlessPassed(verdict, reportsDir);
    if (!write) {
      checkUpToDate(target, result.text());
      System.out.println("[spec] " + target + " is up to date");
    }
  }

  /** Warnings and stale decorations as text, one per line, each with its JSON pointer; empty when none. */
  static String warningsReport(Result result) {
    StringBuilder b = new StringBuilder();
    result.warnings().forEach(w -> b.append("WARNING derived name ").append(w).append('\n'));
    result.staleDecorations().forEach(w -> b.append("WARNING stale decoration, not applied: decorations.yaml ")
        .append(w).append('\n'));
    return b.toString();
  }

  /** Reads the fragments and decorations below {@code moduleDir}, merges, normalizes, decorates, checks. */
  public static Result derive(Path moduleDir) {
    List<Fragment> fragments = readFragments(moduleDir.resolve("upstream"));
    List<String> normalizations = new ArrayList<>();
    ObjectNode merged = FragmentMerger.mergeListing(fragments, normalizations);
    normalizations.addAll(Normalizer31.normalize(merged));
    Path decorationsFile = moduleDir.resolve("decorations.yaml");
    JsonNode decorations = Files.exists(decorationsFile) ? readYaml(decorationsFile) : null;
    Decorator.Outcome decorated = Decorator.apply(merged, decorations);
    ObjectNode canonical = Canonical.order(merged);
    String text = HEADER + toYaml(canonical);
    if (!readYaml(text).equals(canonical)) {
      throw new SpecException("internal: the YAML written does not read back as the merged document");
    }
    List<String> problems = SpecChecks.check(canonical, text);
    if (!problems.isEmpty()) {
      throw new SpecException("the merged document fails its checks:\n  " + String.join("\n  ", problems));
    }
    return new Result(canonical, text, fragments.stream().map(Fragment::name).toList(), normalizations,
        decorated.namedSchemas(), decorated.warnings(), decorated.stale());
  }

  /** Fails, naming the command that fixes it, when {@code committed} is not exactly {@code expected}. */
  static void checkUpToDate(Path committed, String expected) {
    String actual = Files.exists(committed) ? readString(committed) : null;
    if (expected.equals(actual)) {
      return;
    }
    String detail = actual == null ? "it does not exist" : firstDifference(actual, expected);
    throw new SpecException(committed + " is stale (" + detail + "): it is not what upstream/*.json and "
        + "decorations.yaml give. Re-derive it with `" + REGENERATE_COMMAND + "` and commit the result.");
  }

  private static String firstDifference(String actual, String expected) {
    String[] a = actual.split("\n", -1);
    String[] e = expected.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, e.length); i++) {
      String left = i < a.length ? a[i] : "<end of file>";
      String right = i < e.length ? e[i] : "<end of file>";
      if (!left.equals(right)) {
        return "line " + (i + 1) + " is \"" + left.strip() + "\", expected \"" + right.strip() + "\"";
      }
    }
    return "line endings differ";
  }

  /** Fragments are read in file-name order, so the merge and its messages are reproducible. */
  static List<Fragment> readFragments(Path dir) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted(Comparator.comparing(Path::toString)).toList();
    } catch (IOException e) {
      throw new SpecException("cannot list fragments in " + dir + ": " + e.getMessage());
    }
    List<Fragment> fragments = new ArrayList<>();
    for (Path file : files) {
      String text = readString(file);
      SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, null);
      if (parsed.getOpenAPI() == null) {
        throw new SpecException(file.getFileName() + ": not an OpenAPI document: " + parsed.getMessages());
      }
      JsonNode tree;
      try {
        tree = JSON.readTree(text);
      } catch (IOException e) {
        throw new SpecException(file.getFileName() + ": not JSON: " + e.getMessage());
      }
      if (!tree.isObject()) {
        throw new SpecException(file.getFileName() + ": not a JSON object");
      }
      fragments.add(new Fragment(file.getFileName().toString(), (ObjectNode) tree));
    }
    return fragments;
  }

  static String toYaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readYaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new SpecException("not YAML: " + e.getMessage());
    }
  }

  static JsonNode readYaml(Path file) {
    try {
      return readYaml(readString(file));
    } catch (SpecException e) {
      throw new SpecException(file.getFileName() + ": " + e.getMessage());
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeString(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
