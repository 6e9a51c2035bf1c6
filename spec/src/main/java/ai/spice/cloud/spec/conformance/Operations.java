package ai.spice.cloud.spec.conformance;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the documented operation for a concrete request path and method. */
public final class Operations {
  private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

  private final JsonNode document;
  private final List<Template> templates = new ArrayList<>();

  private record Template(String path, Pattern regex, List<String> names, int literalLength) {}

  /** A request matched to a documented path: the template, its path item and the decoded path parameters. */
  public record Match(String template, JsonNode pathItem, Map<String, String> pathParams) {
    public String pointer() {
      return "/paths/" + OpenApiDocs.escape(template);
    }

    public Optional<JsonNode> operation(String method) {
      return Optional.ofNullable(pathItem.get(method.toLowerCase(Locale.ROOT)));
    }
  }

  public Operations(JsonNode document) {
    this.document = document;
    document.path("paths").fieldNames().forEachRemaining(path -> {
      Matcher m = PARAM.matcher(path);
      StringBuilder regex = new StringBuilder("^");
      List<String> names = new ArrayList<>();
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
        names.add(m.group(1));
        last = m.end();
      }
      regex.append(Pattern.quote(path.substring(last))).append("/?$");
      templates.add(new Template(path, Pattern.compile(regex.toString()), names,
          path.replaceAll("\\{[^}/]+}", "").length()));
    });
    // Literal segments win over templated ones (/apps/mine before /apps/{id}), as in the OpenAPI spec.
    templates.sort(Comparator.comparingInt(Template::literalLength).reversed());
  }

  public JsonNode document() {
    return document;
  }

  public Optional<Match> match(String requestPath) {
    String path = requestPath.contains("?") ? requestPath.substring(0, requestPath.indexOf('?')) : requestPath;
    for (Template t : templates) {
      Matcher m = t.regex().matcher(path);
      if (m.matches()) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < t.names().size(); i++) {
          params.put(t.names().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
        }
        return Optional.of(new Match(t.path(), document.path("paths").get(t.path()), params));
      }
    }
    return Optional.empty();
  }

  /** The documented response key for a status: exact code, then range (4XX), then default. */
  public static Optional<String> responseKey(JsonNode operation, int status) {
    JsonNode responses = operation.path("responses");
    String exact = String.valueOf(status);
    if (responses.has(exact)) {
      return Optional.of(exact);
    }
    String range = exact.charAt(0) + "XX";
    if (responses.has(range)) {
      return Optional.of(range);
    }
    return responses.has("default") ? Optional.of("default") : Optional.empty();
  }
}
