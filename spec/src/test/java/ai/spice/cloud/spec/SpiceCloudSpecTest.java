package ai.spice.cloud.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpiceCloudSpecTest {
  @Test
  void theCommittedDocumentIsOnTheClasspathAtItsStablePath() throws Exception {
    String committed = Files.readString(Path.of(System.getProperty("basedir", ".")).resolve("openapi.yaml"));

    try (InputStream in = SpiceCloudSpec.open()) {
      assertEquals(committed, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals("ai/spice/cloud/spec/openapi.yaml", SpiceCloudSpec.RESOURCE);
    assertEquals(true, SpiceCloudSpec.url().getPath().endsWith("/ai/spice/cloud/spec/openapi.yaml"));
  }
}
