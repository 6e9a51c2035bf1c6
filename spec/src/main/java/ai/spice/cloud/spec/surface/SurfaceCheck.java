package ai.spice.cloud.spec.surface;

import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.compat.Finding;
import ai.spice.cloud.spec.compat.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The gate's Java-surface rule: generates the client of the baseline and of the current document the way the
 * client module does, and reports every change japicmp finds that breaks code compiled or linked against the
 * baseline's client, as a {@link Rule#JAVA_SURFACE_CHANGED} finding at the operation or schema it comes from.
 */
public final class SurfaceCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClientGenerator generator;
  private final Path workDir;
  /** What else decides the generated code: the configuration and the generator itself. */
  private final String generatorIdentity;

  /**
   * @param generatorConfig {@code client/generator.yaml}
   * @param generatorName the generator class the client module uses
   * @param workDir where generated sources and jars go ({@code spec/target/java-surface})
   */
  public SurfaceCheck(Path generatorConfig, String generatorName, Path workDir) {
    this.generator = new ClientGenerator(generatorConfig, generatorName);
    this.workDir = workDir;
    try {
      String classFile = "/" + generatorName.replace('.', '/') + ".class";
      byte[] generatorClass;
      try (var in = SurfaceCheck.class.getResourceAsStream(classFile)) {
        generatorClass = in == null ? new byte[0] : in.readAllBytes();
      }
      this.generatorIdentity = Files.readString(generatorConfig, StandardCharsets.UTF_8) + "\n" + generatorName
          + "\n" + HexFormat.of().formatHex(generatorClass);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The breaking changes of the generated surface from {@code baseline} to {@code current}. */
  public List<Finding> findings(JsonNode baseline, JsonNode current) {
    Path oldJar = build(baseline, "baseline");
    Path newJar = build(current, "current");
    ClientGenerator.Sources packages = lastSources;
    List<JavaSurface.Change> changes = JavaSurface.compare(oldJar, newJar,
        List.of(packages.apiPackage(), packages.modelPackage()));
    Map<String, String[]> operations = operations(baseline);
    List<Finding> findings = new ArrayList<>();
    for (JavaSurface.Change c : changes) {
      String simple = c.type().substring(c.type().lastIndexOf('.') + 1);
      String[] op = c.type().startsWith(packages.apiPackage() + ".") ? operations.get(operationId(c.member())) : null;
      String pointer;
      Set<String> usedBy;
      if (op != null) {
        pointer = op[0];
        usedBy = Set.of(op[1]);
      } else {
        String schema = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
        pointer = baseline.at("/components/schemas/" + OpenApiDocs.escape(schema)).isMissingNode() ? ""
            : "/components/schemas/" + OpenApiDocs.escape(schema);
        usedBy = Set.of();
      }
      findings.add(new Finding(Rule.JAVA_SURFACE_CHANGED, "baseline", pointer, "generated client: " + c.describe(),
          usedBy));
    }
    return findings;
  }

  private ClientGenerator.Sources lastSources;

  /** Generates and compiles once per distinct document (the baseline's jar is reused between builds). */
  private Path build(JsonNode document, String name) {
    try {
      String key = hash(JSON.writeValueAsString(document) + "\n" + generatorIdentity);
      Path dir = workDir.resolve(name);
      Path jar = dir.resolve(key + ".jar");
      Path marker = dir.resolve(key + ".packages");
      if (Files.exists(jar) && Files.exists(marker)) {
        String[] p = Files.readString(marker, StandardCharsets.UTF_8).split("\n");
        lastSources = new ClientGenerator.Sources(null, p[0], p[1], p[2]);
        return jar;
      }
      ClientGenerator.deleteRecursively(dir);
      ClientGenerator.Sources sources = generator.generate(document, dir.resolve("src"));
      JavaSurface.compile(sources, dir, jar);
      Files.writeString(marker, sources.apiPackage() + "\n" + sources.modelPackage() + "\n"
          + sources.invokerPackage(), StandardCharsets.UTF_8);
      lastSources = sources;
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** operationId -> {its pointer, "METHOD /path"} in the baseline. */
  private static Map<String, String[]> operations(JsonNode doc) {
    Map<String, String[]> out = new HashMap<>();
    doc.path("paths").fields().forEachRemaining(p -> OpenApiDocs.METHODS.forEach(m -> {
      JsonNode op = p.getValue().get(m);
      if (op != null && op.hasNonNull("operationId")) {
        out.put(op.get("operationId").asText(), new String[] {"/paths/" + OpenApiDocs.escape(p.getKey()) + "/" + m,
            m.toUpperCase(Locale.ROOT) + " " + p.getKey()});
      }
    }));
    return out;
  }

  /** {@code listAppsWithHttpInfo(...)} and {@code listApps(...)} both come from operation listApps. */
  private static String operationId(String member) {
    String name = member.contains("(") ? member.substring(0, member.indexOf('(')) : member;
    return name.endsWith("WithHttpInfo") ? name.substring(0, name.length() - "WithHttpInfo".length()) : name;
  }

  private static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
