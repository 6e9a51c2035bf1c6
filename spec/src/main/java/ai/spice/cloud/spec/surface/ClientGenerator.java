package ai.spice.cloud.spec.surface;

import ai.spice.cloud.spec.tool.SpecException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;
import org.openapitools.codegen.languages.AbstractJavaCodegen;

/**
 * Generates the client's Java sources for a document in-process, exactly as the client module's build does:
 * same generator class and same {@code client/generator.yaml}. The gate uses it to generate the baseline's
 * client and the current one and compare what consumers compile against.
 */
public final class ClientGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path configFile;
  private final String generatorName;

  /**
   * @param configFile the client's generator configuration ({@code client/generator.yaml})
   * @param generatorName the generator the client module uses ({@code client.generatorName} in the root pom)
   */
  public ClientGenerator(Path configFile, String generatorName) {
    if (!Files.isRegularFile(configFile)) {
      throw new SpecException("no client generator configuration at " + configFile);
    }
    this.configFile = configFile;
    this.generatorName = generatorName;
  }

  /** What one generation produced: the Java source root and the packages that make up the public surface. */
  public record Sources(Path root, String apiPackage, String modelPackage, String invokerPackage) {}

  /** Generates into {@code outDir} (emptied first) the sources for {@code document}. */
  public synchronized Sources generate(JsonNode document, Path outDir) {
    try {
      deleteRecursively(outDir);
      Files.createDirectories(outDir);
      Path spec = outDir.resolve("openapi.json");
      JSON.writeValue(spec.toFile(), document);
      CodegenConfigurator configurator = CodegenConfigurator.fromFile(configFile.toString());
      if (configurator == null) {
        throw new SpecException("cannot read the client generator configuration " + configFile);
      }
      configurator.setGeneratorName(generatorName);
      configurator.setInputSpec(spec.toString());
      configurator.setOutputDir(outDir.resolve("generated").toString());
      ClientOptInput input = configurator.toClientOptInput();
      AbstractJavaCodegen config = (AbstractJavaCodegen) input.getConfig();
      try {
        new DefaultGenerator().opts(input).generate();
      } finally {
        GlobalSettings.reset(); // the generator keeps its switches in JVM-wide state
      }
      Path root = outDir.resolve("generated").resolve(config.getSourceFolder());
      return new Sources(root, config.apiPackage(), config.modelPackage(), config.getInvokerPackage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
