package ai.spice.cloud.spec.tool;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.spec.compat.Gate;
import ai.spice.cloud.spec.compat.GateFailure;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleDocumentTest {
  private static final String POST = "things.post.v1-things-thingId.json";
  /** An operation upstream might add, which no decoration names yet. */
  private static final ObjectNode DELETE = Fixtures.json("{'parameters':[{'in':'path','name':'thingId','required':true,"
      + "'schema':{'type':'integer'}}],'responses':{'204':{'description':'Deleted'}}}");

  @TempDir Path dir;

  @Test
  void theCommittedDocumentIsExactlyWhatFragmentsAndDecorationsGive() throws Exception {
    Path module = Fixtures.specModule();
    String committed = Files.readString(module.resolve("openapi.yaml"));

    assertEquals(SpecTool.derive(module).text(), committed);
  }

  @Test
  void aStaleDocumentFailsNamingTheLineAndTheCommandThatFixesIt() throws Exception {
    Path module = FixtureModule.fixture(dir);
    Path merged = module.resolve("openapi.yaml");
    Files.writeString(merged, Files.readString(merged).replace("default: 1", "default: 2"));

    SpecException e = assertThrows(SpecException.class,
        () -> SpecTool.checkUpToDate(merged, SpecTool.derive(module).text()));

    assertTrue(e.getMessage().contains("is stale (line "), e.getMessage());
    assertTrue(e.getMessage().contains("is \"default: 2\", expected \"default: 1\""), e.getMessage());
    assertTrue(e.getMessage().contains(SpecTool.REGENERATE_COMMAND), e.getMessage());
  }

  @Test
  void aChangedUpstreamFragmentMakesTheCommittedDocumentStale() {
    Path module = FixtureModule.fixture(dir);
    FixtureModule.editFragment(module, POST, f -> ((ObjectNode) f.at("/paths/~1v1~1things~1{thingId}/post/responses/200"))
        .put("description", "Regenerated"));

    SpecException e = assertThrows(SpecException.class,
        () -> SpecTool.checkUpToDate(module.resolve("openapi.yaml"), SpecTool.derive(module).text()));

    assertTrue(e.getMessage().contains("expected \"description: Regenerated\""), e.getMessage());
  }

  @Test
  void aMissingDocumentIsStaleToo() {
    SpecException e = assertThrows(SpecException.class,
        () -> SpecTool.checkUpToDate(dir.resolve("openapi.yaml"), "openapi: 3.1.0\n"));

    assertTrue(e.getMessage().contains("(it does not exist)"), e.getMessage());
  }

  @Test
  void writingThenCheckingIsStable() throws Exception {
    Path module = FixtureModule.fixture(dir);
    Files.delete(module.resolve("openapi.yaml"));

    SpecTool.main(new String[] {"true", module.toString(), module.resolve("reports").toString()});

    assertDoesNotThrow(() -> SpecTool.main(new String[] {"false", module.toString(), module.resolve("reports").toString()}));
  }

  @Test
  void conflictingFragmentsStopTheDerivationNamingBothFiles() {
    Path module = FixtureModule.fixture(dir);
    FixtureModule.editFragment(module, POST, f -> f.withArray("servers").removeAll().addObject()
        .put("url", "https://staging.example.test"));

    SpecException e = assertThrows(SpecException.class, () -> SpecTool.derive(module));

    assertEquals("fragments disagree at /servers: status.get.v1-status.json and " + POST + " define it differently "
        + "(first difference at /servers/0/url)", e.getMessage());
  }

  @Test
  void aBreakingChangeFailsWithTheGatesVerdictBeforeTheDocumentIsFoundStale() {
    Path module = FixtureModule.fixture(dir);
    FixtureModule.editFragment(module, POST, f -> ((ObjectNode) f.at("/paths/~1v1~1things~1{thingId}/post/requestBody/"
        + "content/application~1json/schema/properties/mode")).put("default", 0));

    GateFailure e = assertThrows(GateFailure.class, () -> run(module, false));

    assertTrue(e.getMessage().startsWith("the breaking-change gate failed"), e.getMessage());
    assertTrue(e.getMessage().contains("BREAKING DEFAULT_CHANGED"), e.getMessage());
  }

  @Test
  void warningsAndStaleDecorationsArePrintedAfterTheVerdictAndDoNotFailTheBuild() throws Exception {
    Path module = FixtureModule.fixture(dir);
    // Upstream drops the enum value 2 of the request, which a decoration still names, and adds an operation.
    FixtureModule.editFragment(module, POST, f -> {
      ((ObjectNode) f.at("/paths/~1v1~1things~1{thingId}/post/requestBody/content/application~1json/schema/"
          + "properties/mode")).withArray("enum").remove(2);
      ((ObjectNode) f.at("/paths/~1v1~1things~1{thingId}")).set("delete",
          DELETE.deepCopy());
    });
    String pointer = "/paths/~1v1~1things~1{thingId}/post/requestBody/content/application~1json/schema/properties/mode";

    // Removing an input enum value breaks consumers: the gate fails (not the decoration), and the warnings
    // still come, after its verdict.
    String out = assertThrowsPrinting(module);

    int verdict = out.indexOf("[gate] VERDICT");
    int stale = out.indexOf("[spec] WARNING stale decoration, not applied: decorations.yaml " + pointer
        + "/x-enum-varnames/2: the enum no longer has the value 2");
    int derived = out.indexOf("[spec] WARNING derived name /paths/~1v1~1things~1{thingId}/delete: no reviewed "
        + "operationId; derived \"deleteThingsByThingId\"");
    assertTrue(verdict >= 0 && stale > verdict && derived > verdict, out);
    String report = Files.readString(module.resolve("reports").resolve(SpecTool.WARNINGS_REPORT));
    assertTrue(report.contains("decorations.yaml " + pointer + "/x-enum-varnames/2"), report);
    assertTrue(Files.readString(module.resolve("reports").resolve(Gate.REPORT)).contains("ENUM_NARROWED"));
  }

  @Test
  void anAdditiveChangeWithWarningsPassesTheBuild() throws Exception {
    Path module = FixtureModule.fixture(dir);
    FixtureModule.editFragment(module, POST, f -> ((ObjectNode) f.at("/paths/~1v1~1things~1{thingId}")).set("delete",
        DELETE.deepCopy()));

    run(module, true);
    String out = run(module, false);

    assertTrue(out.contains("[gate] VERDICT: passed"), out);
    assertTrue(out.contains("[spec] WARNING derived name /paths/~1v1~1things~1{thingId}/delete"), out);
    assertTrue(out.contains("is up to date"), out);
  }

  private String assertThrowsPrinting(Path module) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      GateFailure e = assertThrows(GateFailure.class, () -> SpecTool.main(args(module, true)));
      assertTrue(e.getMessage().startsWith("the breaking-change gate failed"), e.getMessage());
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  private static String run(Path module, boolean write) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      SpecTool.main(args(module, write));
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  private static String[] args(Path module, boolean write) {
    return new String[] {String.valueOf(write), module.toString(), module.resolve("reports").toString()};
  }
}
