package ai.spice.cloud.spec.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reviewed file of deliberate breaks ({@code spec/accepted-breaks.yaml}): each entry names a rule and the
 * JSON pointer of its finding, why it is accepted, and the date after which it no longer is. A malformed entry
 * is a problem that fails the build, like an expired or unmatched one.
 */
public final class AcceptedBreaks {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One accepted break; {@code number} counts from 1 in file order, for messages. */
  public record Entry(int number, Rule rule, String pointer, String reason, LocalDate expires) {
    public String label() {
      return "entry " + number + " (" + rule + " at " + pointer + ")";
    }

    public boolean expiredOn(LocalDate today) {
      return today.isAfter(expires);
    }

    public boolean matches(Finding f) {
      return f.rule() == rule && f.pointer().equals(pointer);
    }
  }

  private final String path;
  private final List<Entry> entries;
  private final List<String> problems;

  private AcceptedBreaks(String path, List<Entry> entries, List<String> problems) {
    this.path = path;
    this.entries = List.copyOf(entries);
    this.problems = List.copyOf(problems);
  }

  public static AcceptedBreaks none(String path) {
    return new AcceptedBreaks(path, List.of(), List.of());
  }

  /** Reads {@code accepted: [{rule, pointer, reason, expires}, ...]}; an empty file or list accepts nothing. */
  public static AcceptedBreaks parse(String path, String text) {
    List<Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = text == null || text.isBlank() ? null : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      return new AcceptedBreaks(path, entries, List.of(path + " is not YAML: " + e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new AcceptedBreaks(path, entries, problems);
    }
    JsonNode list = root.path("accepted");
    if (!root.isObject() || !(list.isArray() || list.isNull() || list.isMissingNode())) {
      return new AcceptedBreaks(path, entries, List.of(path + " must be a mapping with a list \"accepted\""));
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      String where = path + " entry " + (i + 1);
      List<String> missing = new ArrayList<>();
      for (String field : List.of("rule", "pointer", "reason", "expires")) {
        if (!e.path(field).isValueNode() || e.path(field).asText().isBlank()) {
          missing.add(field);
        }
      }
      if (!missing.isEmpty()) {
        problems.add(where + " lacks " + String.join(", ", missing) + " (every entry needs rule, pointer, reason"
            + " and expires)");
        continue;
      }
      Rule rule;
      try {
        rule = Rule.valueOf(e.get("rule").asText().strip());
      } catch (IllegalArgumentException ex) {
        problems.add(where + " names no rule: \"" + e.get("rule").asText() + "\"");
        continue;
      }
      LocalDate expires;
      try {
        expires = LocalDate.parse(e.get("expires").asText().strip());
      } catch (DateTimeParseException ex) {
        problems.add(where + " has no ISO date (YYYY-MM-DD) in expires: \"" + e.get("expires").asText() + "\"");
        continue;
      }
      String pointer = e.get("pointer").asText().strip();
      if (!pointer.startsWith("/")) {
        problems.add(where + " has no JSON pointer (it starts with /): \"" + pointer + "\"");
        continue;
      }
      entries.add(new Entry(i + 1, rule, pointer, e.get("reason").asText().strip(), expires));
    }
    return new AcceptedBreaks(path, entries, problems);
  }

  public String path() {
    return path;
  }

  public List<Entry> entries() {
    return entries;
  }

  /** Problems found while reading the file. */
  public List<String> problems() {
    return problems;
  }
}
