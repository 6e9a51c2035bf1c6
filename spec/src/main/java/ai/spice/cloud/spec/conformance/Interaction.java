package ai.spice.cloud.spec.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP interaction of a pact file, reduced to what the conformance and coverage checks look at. */
public record Interaction(
    String source,
    String description,
    List<String> providerStates,
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> requestHeaders,
    JsonNode requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    JsonNode responseBody) {

  /** "file: 'description'", used to start every message about this interaction. */
  public String label() {
    return source + ": '" + description + "'";
  }

  public Optional<String> requestHeader(String name) {
    return header(requestHeaders, name);
  }

  public Optional<String> responseHeader(String name) {
    return header(responseHeaders, name);
  }

  private static Optional<String> header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> String.join(", ", e.getValue()))
        .findFirst();
  }
}
