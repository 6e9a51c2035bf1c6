package ai.spice.cloud.spec.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The packaged gate jar, run as other teams run it: {@code java -jar} in a process of its own. */
class GateJarIT {
  private static final Path JAR = Path.of(System.getProperty("gate.jar", "target/gate.jar"));
  private static final String HARMLESS = RuleFixtures.DIR.resolve("ADDED_OPERATION--list-things").toString();
  private static final String BREAKING =
      RuleFixtures.DIR.resolve("RESPONSE_PROPERTY_REMOVED--property-gone").toString();

  @TempDir Path tmp;

  private record Run(int status, String out, String err) {}

  private Run gate(String... args) throws IOException, InterruptedException {
    return gate(List.of(), args);
  }

  /** Runs the jar with extra environment entries ({@code NAME=value}). */
  private Run gate(List<String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    env.forEach(e -> builder.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
    Process p = builder.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the gate jar ended").isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String[] pair(String dir, String... more) {
    List<String> args = new ArrayList<>(List.of("--baseline", dir + "/before.yaml", "--current", dir + "/after.yaml"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void aCompatiblePairExitsZeroWithThePassedVerdict() throws Exception {
    Run r = gate(pair(HARMLESS));
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("VERDICT: passed", "ADDED_OPERATION");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aBreakingPairExitsOneAndNamesTheRule() throws Exception {
    Run r = gate(pair(BREAKING, "--format", "text"));
    assertThat(r.status()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("VERDICT: FAILED", "BREAKING RESPONSE_PROPERTY_REMOVED",
        "/components/schemas/Thing/properties/size");
  }

  @Test
  void theJUnitReportParsesAndCountsTheFailure() throws Exception {
    Run r = gate(pair(BREAKING, "--format=junit"));
    assertThat(r.status()).isEqualTo(1);
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("classname"))
        .isEqualTo("gate.rule.RESPONSE_PROPERTY_REMOVED");
  }

  @Test
  void nonAsciiTextComesOutAsUtf8WhateverTheLocale() throws Exception {
    Path before = Files.writeString(tmp.resolve("before.yaml"), """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /dinge:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: object, properties: {größe: {type: integer}}}
        """);
    Path after = Files.writeString(tmp.resolve("after.yaml"),
        Files.readString(before).replace("größe: {type: integer}", "größe: {type: string}"));
    Run r = gate(List.of("LC_ALL=C", "LANG=C"), "--baseline", before.toString(), "--current", after.toString(),
        "--format", "junit");
    assertThat(r.status()).isEqualTo(1);
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    assertThat(r.out()).contains("/properties/größe/type");
  }

  @Test
  void theGithubFormatIsOneErrorCommandPerBreakOnItsLine() throws Exception {
    Run r = gate(pair(BREAKING, "--format", "github"));
    assertThat(r.status()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("::error ") || l.startsWith("::warning "));
    // The property is removed, so the line is the baseline's: before.yaml names the file the annotation goes on.
    assertThat(lines).anyMatch(l -> l.startsWith("::error file=" + BREAKING.replace(":", "%3A") + "/before.yaml,line=")
        && l.contains("title=RESPONSE_PROPERTY_REMOVED::"));
  }

  @Test
  void theMarkdownFormatIsTheBuildsSummary() throws Exception {
    Run r = gate(pair(BREAKING, "--format", "markdown"));
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).startsWith("## Breaking-change gate: FAILED")
        .contains("| Status | Rule | Where | Change | Why it breaks |", "RESPONSE\\_PROPERTY\\_REMOVED");
  }

  @Test
  void anAcceptedBreakPasses() throws Exception {
    Path accepted = tmp.resolve("accepted.yaml");
    Files.writeString(accepted, """
        accepted:
          - rule: RESPONSE_PROPERTY_REMOVED
            pointer: /components/schemas/Thing/properties/size
            reason: the fixture's break, accepted to show the file works in the jar
            expires: 2999-01-01
        """);
    Run r = gate(pair(BREAKING, "--accepted-breaks", accepted.toString()));
    assertThat(r.status()).as(r.out()).isZero();
    assertThat(r.out()).contains("VERDICT: passed");
  }

  @Test
  void aMissingFileExitsTwoAndSaysWhich() throws Exception {
    String missing = tmp.resolve("absent.yaml").toString();
    Run r = gate("--baseline", missing, "--current", BREAKING + "/after.yaml");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains(missing + ": no such file");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnparsableOrNonOpenApiDocumentExitsTwo() throws Exception {
    Path broken = Files.writeString(tmp.resolve("broken.yaml"), "openapi: 3.1.0\npaths: [unclosed\n");
    Path swagger = Files.writeString(tmp.resolve("swagger.yaml"), "swagger: '2.0'\npaths: {}\n");
    Path scalar = Files.writeString(tmp.resolve("scalar.yaml"), "just text\n");
    Path future = Files.writeString(tmp.resolve("future.yaml"), "openapi: 9.0.0\npaths: {}\n");

    Run r = gate("--baseline", broken.toString(), "--current", BREAKING + "/after.yaml");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains(broken + " is not YAML or JSON");
    assertThat(gate("--baseline", BREAKING + "/before.yaml", "--current", swagger.toString()).err())
        .contains("is Swagger 2.0");
    Run s = gate("--baseline", scalar.toString(), "--current", BREAKING + "/after.yaml");
    assertThat(s.status()).isEqualTo(2);
    assertThat(s.err()).contains(scalar + " is not an OpenAPI document");
    Run v = gate("--baseline", BREAKING + "/before.yaml", "--current", future.toString());
    assertThat(v.status()).isEqualTo(2);
    assertThat(v.err()).contains(future + " is not an OpenAPI 3.0 or 3.1 document (its openapi field is 9.0.0)");
  }

  @Test
  void aMissingArgumentExitsTwoWithTheUsage() throws Exception {
    Run r = gate("--baseline", BREAKING + "/before.yaml");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("both --baseline and --current are required", "usage: java -jar");
    Run f = gate(pair(BREAKING, "--format", "html"));
    assertThat(f.status()).isEqualTo(2);
    assertThat(f.err()).contains("unknown format html");
  }

  @Test
  void helpSaysTheJavaSurfaceRuleIsNotIncluded() throws Exception {
    Run r = gate("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("--baseline", "--format", "Exit status", "JAVA_SURFACE_CHANGED");
  }

  @Test
  void theJarCarriesNeitherTheGeneratorNorTheParser() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(GateMain.class.getName());
      assertThat(jar.stream().map(e -> e.getName()))
          .anyMatch(n -> n.startsWith("com/fasterxml/jackson/dataformat/yaml/"))
          .noneMatch(n -> n.startsWith("org/openapitools/") || n.startsWith("io/swagger/"));
    }
  }
}
