package ai.spice.cloud.contract.pact;

import ai.spice.cloud.spec.conformance.Interaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A parsed pact file (specification V4; V3 shapes of headers and bodies are read too). */
public record PactFile(Path file, String consumer, String provider, String specVersion, List<Interaction> interactions,
    List<String> unsupported) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every *.json pact file in a directory, sorted by name; an absent directory has none. */
  public static List<PactFile> readAll(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().map(PactFile::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PactFile read(Path file) {
    try {
      return parse(file, JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pact " + file, e);
    }
  }

  static PactFile parse(Path file, JsonNode root) {
    String name = file.getFileName().toString();
    List<Interaction> interactions = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (JsonNode i : root.path("interactions")) {
      String type = i.path("type").asText("Synchronous/HTTP");
      if (!type.equals("Synchronous/HTTP")) {
        unsupported.add(name + ": '" + i.path("description").asText() + "' is a " + type + " interaction");
        continue;
      }
      List<String> states = new ArrayList<>();
      i.path("providerStates").forEach(s -> states.add(s.path("name").asText()));
      if (i.has("providerState")) {
        states.add(i.get("providerState").asText());
      }
      JsonNode req = i.path("request");
      JsonNode res = i.path("response");
      Map<String, List<String>> reqHeaders = multiMap(req.path("headers"));
      Map<String, List<String>> resHeaders = multiMap(res.path("headers"));
      interactions.add(new Interaction(name, i.path("description").asText(), List.copyOf(states),
          req.path("method").asText("GET").toUpperCase(java.util.Locale.ROOT), req.path("path").asText("/"),
          multiMap(req.path("query")), reqHeaders, body(req.path("body")), res.path("status").asInt(200),
          resHeaders, body(res.path("body"))));
    }
    return new PactFile(file, root.path("consumer").path("name").asText(), root.path("provider").path("name").asText(),
        root.path("metadata").path("pactSpecification").path("version").asText(""), List.copyOf(interactions),
        List.copyOf(unsupported));
  }

  /** Header and query maps: V4 writes lists of values, V3 plain strings. */
  private static Map<String, List<String>> multiMap(JsonNode node) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(f -> {
      List<String> values = new ArrayList<>();
      if (f.getValue().isArray()) {
        f.getValue().forEach(v -> values.add(v.asText()));
      } else {
        values.add(f.getValue().asText());
      }
      map.put(f.getKey(), values);
    });
    return map;
  }

  /** The body as JSON, or null when the interaction has none. V4 wraps it as {content, contentType, encoded}. */
  private static JsonNode body(JsonNode body) {
    if (body.isMissingNode() || body.isNull()) {
      return null;
    }
    if (!(body.isObject() && body.has("content"))) {
      return body; // V3: the body itself
    }
    JsonNode content = body.get("content");
    JsonNode encoded = body.path("encoded");
    if (content.isTextual() && !(encoded.isBoolean() && !encoded.asBoolean()) && !encoded.isMissingNode()) {
      String text = encoded.asText().equalsIgnoreCase("base64")
          ? new String(Base64.getDecoder().decode(content.asText()), StandardCharsets.UTF_8)
          : content.asText();
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
      }
    }
    return content;
  }
}
