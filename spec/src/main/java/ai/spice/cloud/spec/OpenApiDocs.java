package ai.spice.cloud.spec;

import ai.spice.cloud.spec.SpiceCloudSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Loading OpenAPI documents as JSON trees, and the small pointer helpers every checker needs. */
public final class OpenApiDocs {
  public static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  public static final Set<String> METHOD_SET = Set.copyOf(METHODS);
  public static final String CURRENT_OVERRIDE = "contract.current";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private OpenApiDocs() {}

  /**
   * The current merged document, as packaged in the spice-cloud-spec artifact. The system property
   * {@code contract.current} (a file) replaces it, to try an edited spec without reinstalling the spec module.
   */
  public static ObjectNode current() {
    String override = System.getProperty(CURRENT_OVERRIDE);
    if (override != null && !override.isBlank()) {
      return read(Path.of(override));
    }
    try (InputStream in = SpiceCloudSpec.open()) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The baseline (the contract of baseline/VERSION), as packaged in the spice-cloud-spec artifact. */
  public static ObjectNode baseline() {
    try (InputStream in = SpiceCloudSpec.openBaseline()) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where {@link #current()} comes from, for reports. */
  public static String currentSource() {
    String override = System.getProperty(CURRENT_OVERRIDE);
    return override != null && !override.isBlank() ? override + " (-D" + CURRENT_OVERRIDE + ")"
        : "classpath:" + SpiceCloudSpec.RESOURCE + " (" + SpiceCloudSpec.url() + ")";
  }

  public static ObjectNode read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** YAML is a superset of JSON, so one reader serves both. */
  public static ObjectNode read(InputStream in) throws IOException {
    JsonNode node = YAML.readTree(in);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("an OpenAPI document must be a mapping");
    }
    return object;
  }

  public static ObjectNode parse(String text) {
    try {
      JsonNode node = YAML.readTree(text);
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 6901 escaping of one reference token. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  public static String pointer(String... tokens) {
    StringBuilder b = new StringBuilder();
    for (String t : tokens) {
      b.append('/').append(escape(t));
    }
    return b.toString();
  }

  /** The target of a local $ref ("#/components/..."), or null when it does not resolve. */
  public static JsonNode resolve(JsonNode document, String ref) {
    if (ref == null || !ref.startsWith("#")) {
      return null;
    }
    JsonNode target = document.at(ref.substring(1));
    return target.isMissingNode() ? null : target;
  }
}
