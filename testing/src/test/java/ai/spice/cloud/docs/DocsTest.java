package ai.spice.cloud.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ai.spice.cloud.docs.JavaSamples.Compiled;
import ai.spice.cloud.docs.JavaSamples.SampleCompileException;
import ai.spice.cloud.testing.SpiceCloudFake;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * README.md and docs/ as the build sees them: every relative link and anchor resolves, every guide is reachable
 * from README and lists its sections, every {@code java} fence compiles as written and runs against the fake
 * (a test class through JUnit; a fence marked {@code no-run} only compiles), every {@code json seed} fence
 * seeds the fake, and the dependency snippets name the project's version.
 */
class DocsTest {
  private static final Path ROOT = Markdown.root();
  private static final List<Markdown> PAGES = Markdown.pages(ROOT).stream().map(Markdown::read).toList();
  private static final Set<String> FLAGS = Set.of("no-run", "seed");
  // A call through one of the client's operation groups, e.g. client.apiKeys().getApiKeys(appId).
  private static final Pattern CALL =
      Pattern.compile("\\.(apiKeys|apps|secrets|members|regions|health)\\(\\)\\.\\w+\\(|\\.rotate\\(\\)");
  private static final Pattern SNIPPET_VERSION = Pattern.compile(
      "<artifactId>spice-cloud-[\\w-]+</artifactId>\\s*<version>([^<]+)</version>"
      + "|spice-cloud-[a-z]+-(\\d+\\.\\d+\\.\\d+(?:-SNAPSHOT)?)");

  @TempDir
  Path work;

  @Test
  void everyRelativeLinkAndAnchorResolves() {
    assertThat(brokenLinks(PAGES)).isEmpty();
  }

  @Test
  void everyGuideIsReachableFromTheReadme() {
    Set<Path> reached = reachable(PAGES.get(0), PAGES);
    assertThat(PAGES).extracting(Markdown::file).allSatisfy(page -> assertThat(reached).contains(page));
  }

  @Test
  void everyGuideListsItsSections() {
    for (Markdown page : PAGES.subList(1, PAGES.size())) {
      Set<String> listed = new LinkedHashSet<>();
      page.links().stream().filter(l -> l.target().startsWith("#")).forEach(l -> listed.add(l.target().substring(1)));
      assertThat(listed).as("sections %s lists in its table of contents", ROOT.relativize(page.file()))
          .containsAll(page.h2Anchors());
    }
  }

  @Test
  void theReadmeStaysUnderTenKilobytes() throws IOException {
    assertThat(Files.size(ROOT.resolve("README.md"))).isLessThan(10 * 1024);
  }

  @Test
  void theDependencySnippetsNameTheProjectVersion() throws IOException {
    // A release builds X.Y.Z while the pages still name X.Y.Z-SNAPSHOT; .ci/release moves them with the poms.
    String project = release(projectVersion());
    List<String> named = new ArrayList<>();
    for (Markdown page : PAGES) {
      for (Markdown.Fence fence : page.fences()) {
        Matcher m = SNIPPET_VERSION.matcher(fence.body());
        while (m.find()) {
          String version = m.group(1) != null ? m.group(1) : m.group(2);
          named.add(fence.where().in(ROOT) + " " + release(version));
        }
      }
    }
    assertThat(named).isNotEmpty().allSatisfy(v -> assertThat(v).endsWith(" " + project));
  }

  @TestFactory
  Stream<DynamicTest> everyJavaFenceCompilesAndRuns() {
    return fences("java").map(fence -> DynamicTest.dynamicTest(fence.where().in(ROOT), () -> {
      assertThat(FLAGS).containsAll(fence.flags());
      Compiled sample = JavaSamples.compile(fence, ROOT, work);
      if (fence.flags().contains("no-run")) {
        return;
      }
      if (sample.unit()) {
        TestExecutionSummary summary = runJUnit(sample.type());
        assertThat(summary.getFailures()).extracting(f -> f.getException().toString()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isPositive();
        return;
      }
      try (SampleContext context = (SampleContext) sample.type().getConstructor().newInstance()) {
        context.run();
        if (CALL.matcher(fence.body()).find()) {
          assertThat(context.fake().requests()).as("the calls of the sample reached the fake").isNotEmpty();
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> everySeedFenceSeedsTheFake() {
    return fences("json").filter(f -> f.flags().contains("seed")).map(fence ->
        DynamicTest.dynamicTest(fence.where().in(ROOT), () -> {
          try (SpiceCloudFake fake = SpiceCloudFake.start()) {
            fake.seed(new ByteArrayInputStream(fence.body().getBytes(StandardCharsets.UTF_8)), fence.where().in(ROOT));
          }
        }));
  }

  @Test
  void thereAreSamplesToCheck() {
    assertThat(fences("java").count()).isGreaterThanOrEqualTo(PAGES.size() / 2);
    assertThat(fences("json").filter(f -> f.flags().contains("seed")).count()).isPositive();
  }

  // The checkers themselves, on pages written here: they must bite.

  @Test
  void aLinkToAMissingPageOrHeadingIsReported() throws IOException {
    Path docs = Files.createDirectories(work.resolve("docs"));
    Markdown readme = page(work.resolve("README.md"), "# Title", "[a](docs/a.md#reading-the-gates-report)",
        "[b](docs/a.md#no-such-heading) [c](docs/missing.md) `[d](docs/in-code.md)` [e](https://example.com/x)",
        "```java", "[f](docs/in-a-fence.md)", "```");
    Markdown a = page(docs.resolve("a.md"), "# A", "## Reading the gate's report", "[back](../README.md#title)");

    assertThat(brokenLinks(List.of(readme, a))).containsExactly(
        "README.md:3: docs/a.md#no-such-heading: no such heading",
        "README.md:3: docs/missing.md: no such file");
  }

  @Test
  void anchorsFollowGitHubsSlugs() {
    Markdown page = Markdown.parse(work.resolve("p.md"), List.of("# Retried: reads only",
        "## `Reading` the gate's report",
        "## Testing with spice-cloud-testing", "## Errors", "### Errors", "## Use [the client](x.md) *now*"));
    assertThat(page.anchors()).containsExactly("retried-reads-only", "reading-the-gates-report",
        "testing-with-spice-cloud-testing", "errors", "errors-1", "use-the-client-now");
    assertThat(page.h2Anchors()).doesNotContain("retried-reads-only", "errors-1");
  }

  @Test
  void aSampleThatDoesNotCompileIsReportedAtItsLineInThePage() throws IOException {
    Markdown page = page(work.resolve("p.md"), "# P", "", "```java", "import java.util.List;", "",
        "long appId = 42L;", "client.apiKeys().noSuchOperation(appId);", "```");

    assertThatThrownBy(() -> JavaSamples.compile(page.fences().get(0), work, work.resolve("out")))
        .isInstanceOf(SampleCompileException.class).hasMessageStartingWith("p.md:7: cannot find symbol");
  }

  @Test
  void aSnippetRunsAgainstTheFakeWithTheContextOfThePages() throws Exception {
    Markdown page = page(work.resolve("p.md"), "```java",
        "ApiKeys keys = SpiceCloudClient.fromEnv().apiKeys().getApiKeys(appId);",
        "vault.write(\"seen\", keys.getApiKey());", "```");
    Compiled sample = JavaSamples.compile(page.fences().get(0), work, work.resolve("out"));

    try (SampleContext context = (SampleContext) sample.type().getConstructor().newInstance()) {
      context.run();
      assertThat(context.vault.read("seen")).isEqualTo(SampleContext.KEY_IN_USE);
      assertThat(context.fake().requests()).hasSize(1);
    }
    assertThat(System.getProperty("spice.cloud.token")).isNull();
  }

  private Markdown page(Path file, String... lines) throws IOException {
    Files.write(file, List.of(lines));
    return Markdown.read(file);
  }

  private static Stream<Markdown.Fence> fences(String language) {
    return PAGES.stream().flatMap(p -> p.fences().stream()).filter(f -> f.language().equals(language));
  }

  /** Every relative link whose file or heading does not exist, as {@code page:line: target: why}. */
  static List<String> brokenLinks(List<Markdown> pages) {
    Map<Path, Markdown> byFile = new LinkedHashMap<>();
    pages.forEach(p -> byFile.put(p.file().normalize(), p));
    Path root = pages.get(0).file().getParent();
    List<String> broken = new ArrayList<>();
    for (Markdown page : pages) {
      for (Markdown.Link link : page.links()) {
        String target = link.target();
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          continue; // https:, mailto: ...: not ours to check
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file = path.isEmpty() ? page.file() : page.file().getParent().resolve(path).normalize();
        String at = link.where().in(root) + ": " + target + ": ";
        if (!Files.exists(file)) {
          broken.add(at + "no such file");
        } else if (anchor != null) {
          Markdown linked = byFile.get(file);
          if (linked == null && file.toString().endsWith(".md")) {
            linked = Markdown.read(file);
          }
          if (linked == null || !linked.anchors().contains(anchor)) {
            broken.add(at + "no such heading");
          }
        }
      }
    }
    return broken;
  }

  private static Set<Path> reachable(Markdown start, List<Markdown> pages) {
    Map<Path, Markdown> byFile = new LinkedHashMap<>();
    pages.forEach(p -> byFile.put(p.file().normalize(), p));
    Set<Path> seen = new LinkedHashSet<>(List.of(start.file()));
    Deque<Markdown> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      Markdown page = todo.pop();
      for (Markdown.Link link : page.links()) {
        String path = link.target().replaceFirst("#.*", "");
        Markdown next = path.isEmpty() ? null : byFile.get(page.file().getParent().resolve(path).normalize());
        if (next != null && seen.add(next.file())) {
          todo.push(next);
        }
      }
    }
    return seen;
  }

  private static TestExecutionSummary runJUnit(Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
        .build(), listener);
    return listener.getSummary();
  }

  private static String projectVersion() throws IOException {
    Matcher m = Pattern.compile("(?m)^  <version>(.*)</version>$")
        .matcher(Files.readString(ROOT.resolve("pom.xml")));
    if (!m.find()) {
      throw new UncheckedIOException(new IOException("pom.xml names no project version"));
    }
    return m.group(1);
  }

  private static String release(String version) {
    return version.replaceFirst("-SNAPSHOT$", "");
  }
}
