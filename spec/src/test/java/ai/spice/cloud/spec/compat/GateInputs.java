package ai.spice.cloud.spec.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.function.Consumer;

/** Gate inputs built from the fixture: the baseline is the fixture, the current document an edit of it. */
final class GateInputs {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  static final String BASELINE_PATH = "spec/baseline/openapi.yaml";
  static final String CURRENT_PATH = "spec/openapi.yaml";
  static final String ACCEPTED_PATH = "spec/accepted-breaks.yaml";
  private static final YAMLMapper YAML = new YAMLMapper();

  private GateInputs() {}

  static String yaml(ObjectNode doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Gate.Inputs inputs(Consumer<ObjectNode> edit, String released, String project, String accepted) {
    return inputs(yaml(TestDocs.baseline()), yaml(TestDocs.edited(edit)), released, project, accepted);
  }

  static Gate.Inputs inputs(String baseline, String current, String released, String project, String accepted) {
    return new Gate.Inputs(new Gate.Source(BASELINE_PATH, baseline), new Gate.Source(CURRENT_PATH, current), released,
        project, new Gate.Source(ACCEPTED_PATH, accepted), TODAY, false);
  }

  /** Judged for publishing {@code project}, as the release check does. */
  static Verdict release(Consumer<ObjectNode> edit, String released, String project, String accepted) {
    return Gate.evaluate(inputs(edit, released, project, accepted).forRelease());
  }

  static Verdict evaluate(Consumer<ObjectNode> edit, String released, String project, String accepted) {
    return Gate.evaluate(inputs(edit, released, project, accepted));
  }

  /** An accepted-breaks file with one entry. */
  static String accepting(Rule rule, String pointer, String expires) {
    return "accepted:\n  - rule: " + rule + "\n    pointer: \"" + pointer + "\"\n    reason: the upstream fix was"
        + " announced\n    expires: " + expires + "\n";
  }
}
