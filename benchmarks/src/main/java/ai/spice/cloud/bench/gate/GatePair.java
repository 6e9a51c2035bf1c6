package ai.spice.cloud.bench.gate;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's input: the stored pair ({@code gate/baseline.yaml}, about 500 lines, and {@code gate/current.yaml},
 * the same with a handful of edits), grown {@code copies} times by {@link ScaledDocument} and written out as YAML text,
 * which is what the gate reads. Every size is written by the same writer, so sizes differ in length only.
 */
public record GatePair(int copies, String baseline, String current) {
  /** The sizes a run compares: the stored pair, and ten times it to show how the cost grows. */
  public static final List<Integer> SIZES = List.of(1, 10);

  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES) // one line a value, as the stored documents are written
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  public static GatePair of(int copies) {
    return new GatePair(copies, text(ScaledDocument.copies(stored("baseline"), copies)),
        text(ScaledDocument.copies(stored("current"), copies)));
  }

  /** The stored document {@code gate/NAME.yaml}, parsed. */
  static ObjectNode stored(String name) {
    try (InputStream in = GatePair.class.getResourceAsStream("/gate/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("gate/" + name + ".yaml is not on the class path");
      }
      return OpenApiDocs.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int lines(String text) {
    return (int) text.lines().count();
  }

  /** Writes both documents to {@code dir} as {@code <copies>x-baseline.yaml} and {@code <copies>x-current.yaml}. */
  public Path[] write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path a = Files.writeString(dir.resolve(copies + "x-baseline.yaml"), baseline, StandardCharsets.UTF_8);
    Path b = Files.writeString(dir.resolve(copies + "x-current.yaml"), current, StandardCharsets.UTF_8);
    return new Path[] {a, b};
  }

  private static String text(ObjectNode document) {
    try {
      return YAML.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
