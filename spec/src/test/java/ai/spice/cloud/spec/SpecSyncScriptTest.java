package ai.spice.cloud.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs .ci/spec-sync, the script behind the scheduled spec sync, in a clone of a repository holding this
 * project's spec, against a loopback server publishing the pages. The GitHub step stays off.
 */
class SpecSyncScriptTest {
  private static final Path REPO = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
  private static final String SECRETS_PAGE = "secrets";
  private static final String KEYS_PAGE = "api-keys";

  @TempDir static Path dir;
  private static HttpServer server;
  /** Page name to its blocks (the fragments' text), as the server publishes them now. */
  private static final Map<String, List<String>> published = new ConcurrentHashMap<>();
  private static Path origin;

  @BeforeAll
  static void publishTheCurrentPagesAndMakeTheRepository() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/docs/", exchange -> {
      String name = exchange.getRequestURI().getPath().replaceFirst("^/docs/", "").replaceFirst("\\.md$", "");
      List<String> blocks = published.get(name);
      byte[] body = (blocks == null ? "not found" : page(name, blocks)).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/markdown; charset=utf-8");
      exchange.sendResponseHeaders(blocks == null ? 404 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();

    origin = dir.resolve("origin");
    // The pages publish a frozen copy of the fragments (not the live spec/upstream, which follows upstream), and
    // the repository's committed and released documents are what they derive to.
    Path snapshot = REPO.resolve("spec/src/test/resources/published-2026-12-01");
    Map<String, List<String>> pages = new TreeMap<>();
    try (Stream<Path> files = Files.list(snapshot.resolve("upstream"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        pages.computeIfAbsent(name.substring(0, name.indexOf('.')), p -> new ArrayList<>()).add(Files.readString(f));
        write("spec/upstream/" + name, Files.readString(f));
      }
    }
    published.putAll(pages);
    write("spec/decorations.yaml", Files.readString(snapshot.resolve("decorations.yaml")));
    String derived = ai.spice.cloud.spec.tool.SpecTool.derive(origin.resolve("spec")).text();
    write("spec/openapi.yaml", derived);
    write("spec/baseline/openapi.yaml", derived);
    for (String file : List.of(".ci/spec-sync", ".gitignore")) {
      copy(file);
    }
    origin.resolve(".ci/spec-sync").toFile().setExecutable(true);
    StringBuilder list = new StringBuilder("# pages of the loopback docs server\n");
    pages.keySet().forEach(p -> list.append(base()).append("/docs/").append(p).append(".md\n"));
    Files.writeString(origin.resolve("spec/pages.txt"), list);
    git(origin, "init", "-q", "-b", "main");
    git(origin, "add", "-A");
    git(origin, "-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-q", "-m", "the spec");
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void unchangedPagesDoNothing() throws Exception {
    Path clone = clone("unchanged");
    String head = git(clone, "rev-parse", "HEAD");

    Run run = sync(clone);

    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("[sync] no published page changed: nothing to do"), run.output());
    assertEquals(head, git(clone, "rev-parse", "HEAD"));
    assertEquals("main", git(clone, "rev-parse", "--abbrev-ref", "HEAD"));
    assertEquals("", git(clone, "branch", "--list", "spec-sync/*"));
    assertEquals("", git(clone, "status", "--porcelain"));
    assertFalse(Files.exists(clone.resolve("spec/target/spec-sync/pull-request.md")));
  }

  @Test
  void anAdditiveChangeGivesABranchACommitAndABodyWithTheVerdictAndTheWarnings() throws Exception {
    Path clone = clone("additive");
    String main = git(clone, "rev-parse", "HEAD");
    String newBlock = published.get(SECRETS_PAGE).get(0).replaceFirst("\"paths\":\\{\"/v1/apps/\\{appId\\}/secrets\":\\{\"get\"",
        "\"paths\":{\"/v1/apps/{appId}/secrets/{name}\":{\"delete\"")
        .replace("\"parameters\":[", "\"parameters\":[{\"in\":\"path\",\"name\":\"name\",\"required\":true,"
            + "\"schema\":{\"type\":\"string\"}},");

    Run run = withPage(SECRETS_PAGE, blocks -> append(blocks, newBlock), () -> sync(clone));

    assertEquals(0, run.exit(), run.output());
    String branch = git(clone, "rev-parse", "--abbrev-ref", "HEAD");
    assertTrue(branch.startsWith("spec-sync/"), branch);
    assertEquals("1", git(clone, "rev-list", "--count", main + "..HEAD"));
    assertEquals("spec/openapi.yaml\nspec/upstream/secrets.delete.v1-apps-appId-secrets-name.json",
        git(clone, "diff", "--name-only", main, "HEAD"));
    assertTrue(git(clone, "log", "-1", "--format=%s").equals("spec: sync the published pages (gate: passed)"));
    assertTrue(git(clone, "show", "HEAD:spec/openapi.yaml").contains("operationId: deleteAppsByAppIdSecretsByName"));
    String body = Files.readString(clone.resolve("spec/target/spec-sync/pull-request.md"));
    assertTrue(body.contains("[import]   added     secrets.delete.v1-apps-appId-secrets-name.json"), body);
    assertTrue(body.contains("## Breaking-change gate: passed"), body);
    assertTrue(body.contains("VERDICT: passed"), body);
    assertTrue(body.contains("WARNING derived name /paths/~1v1~1apps~1{appId}~1secrets~1{name}/delete: no reviewed "
        + "operationId; derived \"deleteAppsByAppIdSecretsByName\""), body);
    assertTrue(run.output().contains("SPEC_SYNC_OPEN_PR is not true: not pushing"), run.output());
    assertEquals("", git(origin, "branch", "--list", "spec-sync/*"), "nothing was pushed");
  }

  @Test
  void aBreakingChangeStillGivesThePullRequestWithTheFailingVerdict() throws Exception {
    Path clone = clone("breaking");
    String main = git(clone, "rev-parse", "HEAD");

    Run run = withPage(KEYS_PAGE, blocks -> blocks.stream()
        .map(b -> b.replace("\"default\":1,", "\"default\":0,")).toList(), () -> sync(clone));

    assertEquals(0, run.exit(), run.output());
    assertEquals("1", git(clone, "rev-list", "--count", main + "..HEAD"));
    assertEquals("spec/openapi.yaml\nspec/upstream/api-keys.post.v1-apps-appId-api-keys.json",
        git(clone, "diff", "--name-only", main, "HEAD"));
    assertEquals("spec: sync the published pages (gate: FAILED: 1 breaking change(s) neither accepted nor released as a new major version)", git(clone, "log", "-1", "--format=%s"));
    String body = Files.readString(clone.resolve("spec/target/spec-sync/pull-request.md"));
    assertTrue(body.contains("## Breaking-change gate: FAILED: 1 breaking change(s)"), body);
    assertTrue(body.contains("BREAKING DEFAULT_CHANGED"), body);
    assertTrue(body.contains("at: current /components/schemas/RegenerateApiKeyRequest/properties/key_number/default"), body);
  }

  @Test
  void aPageThatCannotBeImportedFailsTheSyncLoudlyAndChangesNothing() throws Exception {
    Path clone = clone("bad-page");
    String head = git(clone, "rev-parse", "HEAD");

    Run run = withPage(KEYS_PAGE, blocks -> append(blocks, "{\"openapi\": \"3.1.0\", oops}\n"), () -> sync(clone));

    assertEquals(1, run.exit(), run.output());
    assertTrue(run.output().contains("block 3 (line "), run.output());
    assertEquals(head, git(clone, "rev-parse", "HEAD"));
    assertEquals("", git(clone, "status", "--porcelain"));
  }

  // ---- helpers

  private record Run(int exit, String output) {}

  private interface Action {
    Run run() throws Exception;
  }

  /** Publishes an edited page for the duration of {@code action}. */
  private static synchronized Run withPage(String page, UnaryOperator<List<String>> edit, Action action) throws Exception {
    List<String> original = published.get(page);
    published.put(page, edit.apply(original));
    try {
      return action.run();
    } finally {
      published.put(page, original);
    }
  }

  private static List<String> append(List<String> blocks, String block) {
    List<String> more = new ArrayList<>(blocks);
    more.add(block);
    return more;
  }

  private static synchronized Run sync(Path clone) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", ".ci/spec-sync").directory(clone.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("SPEC_SYNC_CLASSPATH", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("GIT_CONFIG_GLOBAL", dir.resolve("no-gitconfig").toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.remove("SPEC_SYNC_OPEN_PR");
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("spec-sync did not finish:\n" + output);
    }
    return new Run(process.exitValue(), output);
  }

  private static String page(String name, List<String> blocks) {
    StringBuilder b = new StringBuilder("# " + name + "\n\nPublished for the test.\n");
    for (String block : blocks) {
      b.append("\n## An operation\n\n```json\n").append(block).append("```\n");
    }
    return b.toString();
  }

  private static Path clone(String name) throws Exception {
    Path clone = dir.resolve(name);
    git(dir, "clone", "-q", origin.toString(), clone.toString());
    return clone;
  }

  private static void write(String file, String text) throws IOException {
    Path target = origin.resolve(file);
    Files.createDirectories(target.getParent());
    Files.writeString(target, text);
  }

  private static void copy(String file) throws IOException {
    Path target = origin.resolve(file);
    Files.createDirectories(target.getParent());
    Files.copy(REPO.resolve(file), target);
  }

  private static String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String git(Path in, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_GLOBAL", dir.resolve("no-gitconfig").toString());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.waitFor() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + " failed: " + output);
    }
    return output;
  }
}
