package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as a team off the JVM uses it: a process, its printed URL and token, SIGTERM. */
class StandaloneIT {
  private static final Path JAR = Path.of(System.getProperty("standalone.jar", "target/standalone.jar"));
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** stderr goes to a file: destroy() closes the process's pipes, and the test reads it after the exit. */
  private static Process launch(Path stderr, String... args) throws IOException {
    assertThat(JAR).as("the standalone jar (built in package)").isRegularFile();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
  }

  /** Reads the two printed lines, KEY=value. */
  private static Map<String, String> printed(Process p) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Map<String, String> vars = new HashMap<>();
    while (vars.size() < 2) {
      String line = out.readLine();
      assertThat(line).as("the process printed its URL and token before ending").isNotNull();
      int eq = line.indexOf('=');
      vars.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return vars;
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Test
  @Timeout(60)
  void servesTheSeedOnThePortPrintsUrlAndTokenAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, "{\"organizations\":[{\"name\":\"test-org\",\"apps\":[{\"id\":42,"
        + "\"api_key\":\"standalone-primary\",\"api_key_2\":null}]}]}");
    int port = freePort();
    Path stderr = dir.resolve("stderr.txt");
    Process p = launch(stderr, "--port", Integer.toString(port), "--seed", seed.toString());
    try {
      Map<String, String> vars = printed(p);
      assertThat(vars.get("SPICE_CLOUD_BASE_URL")).isEqualTo("http://127.0.0.1:" + port);
      String token = vars.get("SPICE_CLOUD_TOKEN");
      assertThat(token).isNotBlank();

      assertThat(get(vars.get("SPICE_CLOUD_BASE_URL") + "/v1/health", null).statusCode()).isEqualTo(200);
      HttpResponse<String> keys = get(vars.get("SPICE_CLOUD_BASE_URL") + "/v1/apps/42/api-keys", token);
      assertThat(keys.statusCode()).isEqualTo(200);
      assertThat(new ObjectMapper().readTree(keys.body()).path("api_key").asText()).isEqualTo("standalone-primary");

      p.destroy(); // SIGTERM on Unix
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("the process ended after SIGTERM").isTrue();
      // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks (the fake's close) and exited on the signal.
      assertThat(p.exitValue()).isEqualTo(143);
      String err = Files.readString(stderr);
      assertThat(err).contains("spice-cloud fake stopped").doesNotContain("Exception");
      try (ServerSocket again = new ServerSocket(port, 0, InetAddress.getByName("127.0.0.1"))) {
        assertThat(again.getLocalPort()).as("the port is released").isEqualTo(port);
      }
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  @Timeout(60)
  void anEphemeralPortByDefault(@TempDir Path dir) throws Exception {
    Process p = launch(dir.resolve("stderr.txt"));
    try {
      String url = printed(p).get("SPICE_CLOUD_BASE_URL");
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(get(url + "/v1/health", null).statusCode()).isEqualTo(200);
    } finally {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(60)
  void badArgumentsExitWithUsage(@TempDir Path dir) throws Exception {
    for (String[] args : new String[][] {{"--port", "http"}, {"--seed", dir.resolve("missing.json").toString()},
        {"--colour"}}) {
      Path stderr = dir.resolve("stderr.txt");
      Process p = launch(stderr, args);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(Files.readString(stderr)).contains("usage:");
    }
  }

  @Test
  @Timeout(60)
  void anInvalidSeedExitsNamingTheEntry(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, "{\"tokens\":[{\"token\":\"t\",\"scopes\":[\"root\"]}]}");
    Path stderr = dir.resolve("stderr.txt");
    Process p = launch(stderr, "--seed", seed.toString());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(Files.readString(stderr))
        .contains("/tokens/0/scopes unknown scope 'root'");
  }
}
