package ai.spice.cloud.spec.tool;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleDocumentTest {
  @TempDir Path dir;

  @Test
  void theCommittedDocumentIsExactlyWhatFragmentsAndDecorationsGive() throws Exception {
    Path module = Fixtures.specModule();
    String committed = Files.readString(module.resolve("openapi.yaml"));

    assertEquals(SpecTool.derive(module).text(), committed);
  }

  @Test
  void aStaleDocumentFailsNamingTheLineAndTheCommandThatFixesIt() throws Exception {
    Path module = copyOfSpecModule();
    Path merged = module.resolve("openapi.yaml");
    Files.writeString(merged, Files.readString(merged).replace("default: 1", "default: 2"));

    SpecException e = assertThrows(SpecException.class,
        () -> SpecTool.checkUpToDate(merged, SpecTool.derive(module).text()));

    assertTrue(e.getMessage().contains("is stale (line "), e.getMessage());
    assertTrue(e.getMessage().contains("is \"default: 2\", expected \"default: 1\""), e.getMessage());
    assertTrue(e.getMessage().contains(SpecTool.REGENERATE_COMMAND), e.getMessage());
  }

  @Test
  void aChangedUpstreamFragmentMakesTheCommittedDocumentStale() throws Exception {
    Path module = copyOfSpecModule();
    Path post = module.resolve("upstream/api-keys.post.json");
    Files.writeString(post, Files.readString(post).replace("\"API key regenerated successfully\"", "\"Regenerated\""));

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
    Path module = copyOfSpecModule();
    Files.delete(module.resolve("openapi.yaml"));

    SpecTool.main(new String[] {"true", module.toString(), module.resolve("reports").toString()});

    assertDoesNotThrow(() -> SpecTool.main(new String[] {"false", module.toString(), module.resolve("reports").toString()}));
  }

  @Test
  void conflictingFragmentsStopTheDerivation() throws Exception {
    Path module = copyOfSpecModule();
    Path post = module.resolve("upstream/api-keys.post.json");
    Files.writeString(post, Files.readString(post).replace("https://api.spice.ai", "https://staging.spice.ai"));

    SpecException e = assertThrows(SpecException.class, () -> SpecTool.derive(module));

    assertEquals("fragments disagree at /servers: api-keys.get.json and api-keys.post.json define it differently",
        e.getMessage());
  }

  private Path copyOfSpecModule() throws Exception {
    Path source = Fixtures.specModule();
    for (String file : new String[] {"openapi.yaml", "decorations.yaml", "baseline/openapi.yaml"}) {
      Fixtures.write(dir.resolve(file), Files.readString(source.resolve(file)));
    }
    try (var fragments = Files.list(source.resolve("upstream"))) {
      for (Path f : fragments.toList()) {
        Fixtures.write(dir.resolve("upstream").resolve(f.getFileName()), Files.readString(f));
      }
    }
    return dir;
  }
}
