package ai.spice.cloud.spec.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.spec.pages.ImportPages.Change;
import ai.spice.cloud.spec.pages.ImportPages.FileChange;
import ai.spice.cloud.spec.tool.SpecException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPagesTest {
  private static final String SEED = "api-keys.md";

  @TempDir Path dir;
  private HttpServer server;
  private final Map<String, Served> served = new ConcurrentHashMap<>();

  private record Served(int status, String type, byte[] body, String location) {}

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  // ---- the seed page

  @Test
  void theSeedPageGivesOneFileForEachOperationByteForByte() throws Exception {
    Path page = seedPage();
    String text = Files.readString(page);

    ImportPages.Result result = importPages(page.toString());

    assertEquals(List.of(
        new FileChange(page.toString(), "api-keys.get.v1-apps-appId-api-keys.json", Change.ADDED),
        new FileChange(page.toString(), "api-keys.post.v1-apps-appId-api-keys.json", Change.ADDED)), result.files());
    // Each file is the block's lines as published, found here independently by the fences around them.
    int first = text.indexOf("```json\n") + 8;
    int second = text.indexOf("```json\n", first) + 8;
    assertEquals(text.substring(first, text.indexOf("```\n", first)), upstream("api-keys.get.v1-apps-appId-api-keys.json"));
    assertEquals(text.substring(second, text.indexOf("```\n", second)), upstream("api-keys.post.v1-apps-appId-api-keys.json"));
  }

  @Test
  void importingTheSamePageAgainChangesNothing() throws Exception {
    Path page = seedPage();
    importPages(page.toString());
    Map<String, String> before = upstreamFiles();

    ImportPages.Result again = importPages(page.toString());

    assertFalse(again.changedAnything());
    assertEquals(List.of(Change.UNCHANGED, Change.UNCHANGED), again.files().stream().map(FileChange::change).toList());
    assertEquals(before, upstreamFiles());
  }

  // ---- fixture pages

  @Test
  void aPageWithSeveralBlocksThatLaterChangesIsReportedFileByFile() throws Exception {
    Path page = write("things.md", page(op("/v1/things", "get", "List"), op("/v1/things", "post", "Create"),
        model("Thing")));
    importPages(page.toString());
    assertEquals(List.of("things.components.Thing.json", "things.get.v1-things.json", "things.post.v1-things.json"),
        List.copyOf(upstreamFiles().keySet()));

    // Upstream edits the POST, drops the model block and publishes a DELETE.
    write("things.md", page(op("/v1/things", "get", "List"), op("/v1/things", "post", "Create one"),
        op("/v1/things/{id}", "delete", "Delete")));
    ImportPages.Result result = importPages(page.toString());

    assertEquals(List.of(
        new FileChange(page.toString(), "things.get.v1-things.json", Change.UNCHANGED),
        new FileChange(page.toString(), "things.post.v1-things.json", Change.CHANGED),
        new FileChange(page.toString(), "things.delete.v1-things-id.json", Change.ADDED),
        new FileChange(page.toString(), "things.components.Thing.json", Change.REMOVED)), result.files());
    assertEquals(List.of("things.delete.v1-things-id.json", "things.get.v1-things.json", "things.post.v1-things.json"),
        List.copyOf(upstreamFiles().keySet()));
    assertTrue(upstream("things.post.v1-things.json").contains("Create one"));
    assertEquals("[import] " + page + "\n"
        + "[import]   unchanged things.get.v1-things.json\n"
        + "[import]   changed   things.post.v1-things.json\n"
        + "[import]   added     things.delete.v1-things-id.json\n"
        + "[import]   removed   things.components.Thing.json (no longer published on this page)\n"
        + "[import] 1 added, 1 changed, 1 unchanged, 1 removed\n", ImportPages.render(result));
  }

  @Test
  void aBlockThatIsNotJsonNamesThePageAndBlockAndNothingIsWrittenForAnyPage() throws Exception {
    Path good = write("things.md", page(op("/v1/things", "get", "List")));
    importPages(good.toString());
    Map<String, String> before = upstreamFiles();
    write("things.md", page(op("/v1/things", "get", "Changed")));
    Path bad = write("other.md", page(op("/v1/other", "get", "Fine"), "{\"openapi\": \"3.1.0\", \"paths\": {,}}\n"));

    SpecException e = assertThrows(SpecException.class,
        () -> ImportPages.run(dir.resolve("upstream"), List.of(good.toString(), bad.toString()), dir, new PageSource(), false));

    assertTrue(e.getMessage().startsWith("page " + bad + ": block 2 (line 13) is not JSON at line 1, column 32 of the "
        + "block: Unexpected character (','"), e.getMessage());
    assertEquals(before, upstreamFiles(), "the good page's change was not written either");
  }

  @Test
  void aJsonBlockThatIsNotAnOpenApiObjectIsRefused() throws Exception {
    Path page = write("things.md", page(op("/v1/things", "get", "List"), "{\"api_key\": \"example payload\"}\n"));

    SpecException e = assertThrows(SpecException.class, () -> importPages(page.toString()));

    assertEquals("page " + page + ": block 2 (line 13) is JSON but not an OpenAPI object (no \"openapi\": \"3.x.y\" member)",
        e.getMessage());
    assertEquals(Map.of(), upstreamFiles());
  }

  @Test
  void aPageWithoutJsonBlocksIsAnErrorRatherThanARemovalOfEverything() throws Exception {
    Path page = write("things.md", page(op("/v1/things", "get", "List")));
    importPages(page.toString());
    write("things.md", "<html><body>Moved</body></html>\n");

    SpecException e = assertThrows(SpecException.class, () -> importPages(page.toString()));

    assertEquals("page " + page + ": no ```json block on it; is this the page's markdown?", e.getMessage());
    assertEquals(List.of("things.get.v1-things.json"), List.copyOf(upstreamFiles().keySet()));
  }

  @Test
  void twoBlocksDefiningTheSameOperationAreRefused() throws Exception {
    Path page = write("things.md", page(op("/v1/things", "get", "One"), op("/v1/things", "get", "Two")));

    SpecException e = assertThrows(SpecException.class, () -> importPages(page.toString()));

    assertEquals("page " + page + ": blocks 1 and 2 define the same thing (things.get.v1-things.json)", e.getMessage());
  }

  @Test
  void aLargePageImportsInLinearTime() throws Exception {
    // About 10 MB: one block of 50,000 properties among 100,000 lines of prose and quoted fences.
    StringBuilder schema = new StringBuilder("{\"type\":\"object\",\"properties\":{");
    for (int i = 0; i < 50_000; i++) {
      schema.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"type\":\"string\",\"description\":\"```\"}");
    }
    String block = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"T\",\"version\":\"v1\"},\"components\":{\"schemas\":"
        + "{\"Big\":" + schema + "}}}}}\n";
    String prose = "Some `inline` text, ``` not a fence ``` and ~~~ tildes.\n".repeat(100_000);
    Path page = write("big.md", prose + "```json\n" + block + "```\n" + prose);

    ImportPages.Result result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> importPages(page.toString()));

    assertEquals(List.of(new FileChange(page.toString(), "big.components.Big.json", Change.ADDED)), result.files());
    assertEquals(block, upstream("big.components.Big.json"));
  }

  // ---- pages read over HTTP

  @Test
  void aPageServedOverLoopbackHttpImportsLikeTheSavedFile() throws Exception {
    serve("/api/management/api-keys.md", 200, "text/markdown; charset=utf-8", Files.readAllBytes(seedPage()));
    String url = base() + "/api/management/api-keys.md";

    ImportPages.Result result = importPages(url);

    assertEquals(List.of("api-keys.get.v1-apps-appId-api-keys.json", "api-keys.post.v1-apps-appId-api-keys.json"),
        result.files().stream().map(FileChange::file).toList());
    assertTrue(result.files().stream().allMatch(f -> f.page().equals(url)));
    Map<String, String> fromHttp = upstreamFiles();
    Files.walk(dir.resolve("upstream")).filter(Files::isRegularFile).forEach(ImportPagesTest::delete);
    importPages(seedPage().toString());
    assertEquals(fromHttp, upstreamFiles());
  }

  @Test
  void redirectsAreFollowedAndErrorsNameTheAddress() throws Exception {
    serve("/old.md", 301, "text/plain", new byte[0], "/docs/api-keys.md");
    serve("/docs/api-keys.md", 200, "text/markdown", Files.readAllBytes(seedPage()));
    serve("/html.md", 200, "text/html; charset=utf-8", "<html></html>".getBytes(StandardCharsets.UTF_8));

    assertEquals(2, importPages(base() + "/old.md").files().size());
    assertEquals("page " + base() + "/missing.md: " + base() + "/missing.md answered HTTP 404",
        assertThrows(SpecException.class, () -> importPages(base() + "/missing.md")).getMessage());
    assertTrue(assertThrows(SpecException.class, () -> importPages(base() + "/html.md")).getMessage()
        .endsWith("is HTML, not markdown; list the page's markdown address (ending in .md)"));
  }

  @Test
  void plainHttpIsRefusedForAnythingButLoopbackBeforeAnyConnection() {
    for (String address : List.of("http://docs.example.invalid/api-keys.md", "http://10.0.0.1/api-keys.md",
        "file:///etc/api-keys.md", "ftp://docs.example.invalid/api-keys.md")) {
      SpecException e = assertThrows(SpecException.class, () -> importPages(address));
      assertTrue(e.getMessage().contains("is not allowed: pages are read over https (plain http only from a loopback "
          + "address)"), e.getMessage());
    }
  }

  @Test
  void withoutAPageEveryListedPageIsImportedAndForeignFilesAreNoted() throws Exception {
    serve("/docs/things.md", 200, "text/markdown", page(op("/v1/things", "get", "List")).getBytes(StandardCharsets.UTF_8));
    serve("/docs/api-keys.md", 200, "text/markdown", Files.readAllBytes(seedPage()));
    Files.writeString(dir.resolve(ImportPages.PAGES), "# followed pages\n\n" + base() + "/docs/things.md\n  "
        + base() + "/docs/api-keys.md  \n");
    Files.createDirectories(dir.resolve("upstream"));
    Files.writeString(dir.resolve("upstream/hand-made.get.v1-x.json"), "{}");

    ImportPages.Result result = ImportPages.run(dir.resolve("upstream"), ImportPages.listed(dir), dir, new PageSource(), true);

    assertEquals(3, result.files().size());
    assertEquals(List.of("hand-made.get.v1-x.json"), result.unlisted());
    assertTrue(ImportPages.render(result).endsWith("[import] note: hand-made.get.v1-x.json is not from any page "
        + "imported now; pages.txt lists the pages the sync follows\n"));
  }

  @Test
  void twoPagesThatWouldNameTheirFilesAlikeAreRefused() throws Exception {
    Path one = write("a/things.md", page(op("/v1/a", "get", "A")));
    Path two = write("b/things.md", page(op("/v1/b", "get", "B")));

    SpecException e = assertThrows(SpecException.class, () -> ImportPages.run(dir.resolve("upstream"),
        List.of(one.toString(), two.toString()), dir, new PageSource(), true));

    assertEquals("pages " + one + " and " + two + " would both name their files things.*.json; one page per last "
        + "address segment", e.getMessage());
  }

  // ---- helpers

  /** A markdown page in the docs site's shape: a title, then each block under its own heading. */
  static String page(String... blocks) {
    StringBuilder b = new StringBuilder("# Things\n\nManage things\n");
    for (int i = 0; i < blocks.length; i++) {
      b.append("\n## Operation ").append(i + 1).append("\n\n```json\n").append(blocks[i]).append("```\n");
    }
    return b.append("\n---\n\n```\nGET https://docs.example.test/things.md?ask=<question>\n```\n").toString();
  }

  static String op(String path, String method, String summary) {
    return "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"T\",\"version\":\"v1\"},\"paths\":{\"" + path + "\":{\""
        + method + "\":{\"summary\":\"" + summary + "\",\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}\n";
  }

  static String model(String name) {
    return "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"T\",\"version\":\"v1\"},\"components\":{\"schemas\":{\""
        + name + "\":{\"type\":\"object\"}}}}\n";
  }

  private ImportPages.Result importPages(String page) {
    return ImportPages.run(dir.resolve("upstream"), List.of(page), dir, new PageSource(), false);
  }

  private Path seedPage() throws IOException {
    Path page = dir.resolve("saved").resolve(SEED);
    if (!Files.exists(page)) {
      Files.createDirectories(page.getParent());
      try (InputStream in = getClass().getResourceAsStream("/pages/" + SEED)) {
        Files.write(page, in.readAllBytes());
      }
    }
    return page;
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve("pages").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private String upstream(String file) throws IOException {
    return Files.readString(dir.resolve("upstream").resolve(file));
  }

  private Map<String, String> upstreamFiles() throws IOException {
    Map<String, String> files = new TreeMap<>();
    Path upstream = dir.resolve("upstream");
    if (Files.isDirectory(upstream)) {
      try (Stream<Path> listing = Files.list(upstream)) {
        for (Path f : listing.toList()) {
          files.put(f.getFileName().toString(), Files.readString(f));
        }
      }
    }
    return files;
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }

  private void serve(String path, int status, String type, byte[] body) throws IOException {
    serve(path, status, type, body, null);
  }

  private void serve(String path, int status, String type, byte[] body, String location) throws IOException {
    served.put(path, new Served(status, type, body, location));
    if (server == null) {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        Served s = served.get(exchange.getRequestURI().getPath());
        if (s == null) {
          s = new Served(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), null);
        }
        exchange.getResponseHeaders().set("Content-Type", s.type());
        if (s.location() != null) {
          exchange.getResponseHeaders().set("Location", s.location());
        }
        exchange.sendResponseHeaders(s.status(), s.body().length == 0 ? -1 : s.body().length);
        if (s.body().length > 0) {
          exchange.getResponseBody().write(s.body());
        }
        exchange.close();
      });
      server.start();
    }
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
