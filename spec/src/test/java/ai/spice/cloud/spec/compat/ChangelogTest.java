package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Checks.GET;
import static ai.spice.cloud.spec.compat.Checks.KEYS;
import static ai.spice.cloud.spec.compat.GateInputs.TODAY;
import static ai.spice.cloud.spec.compat.GateInputs.accepting;
import static ai.spice.cloud.spec.compat.TestDocs.obj;
import static ai.spice.cloud.spec.compat.TestDocs.prop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changelog section of a release, from the fixture's diffs, and how it lands in CHANGELOG.md. */
class ChangelogTest {
  private static final SemVer V1 = SemVer.parse("1.0.0");

  private static final Consumer<ObjectNode> EVERYTHING = d -> {
    obj(d, "/paths").putObject("/v1/apps/{appId}").putObject("get").put("operationId", "getApp")
        .putObject("responses").putObject("200").put("description", "ok");
    obj(d, KEYS + "/properties").putObject("created_at").put("type", "string");
    prop(d, "RegenerateApiKeyRequest", "key_number").withArray("enum").add(3);
    obj(d, GET + "/responses").putObject("429").put("description", "Too many requests");
    obj(d, GET + "/responses").remove("404");
    obj(d, KEYS + "/properties").remove("api_key_2");
    prop(d, "ApiKeysRegenerated", "regenerated_key").put("type", "string");
  };

  @Test
  void aMajorReleaseListsBreaksAcceptedBreaksAndEveryAddition() {
    Verdict v = GateInputs.evaluate(EVERYTHING, "0.1.0", "1.0.0",
        accepting(Rule.RESPONSE_PROPERTY_REMOVED, KEYS + "/properties/api_key_2", "2026-12-31"));
    assertThat(v.passed()).as(v.report()).isTrue();

    String section = Changelog.section(v, V1, TODAY);

    assertThat(section).isEqualTo("## [1.0.0] - 2026-03-01\n\n"
        + "Compared with 0.1.0 (`spec/baseline/openapi.yaml`): the API description needs a major release.\n\n"
        + "### Breaking changes\n\n"
        + "- **TYPE_CHANGED** type changed from \\[integer\\] to \\[string\\] (may now return \\[string\\])"
        + " (`/components/schemas/ApiKeysRegenerated/properties/regenerated_key/type`; used by POST"
        + " /v1/apps/{appId}/api-keys): " + Rule.TYPE_CHANGED.why() + "\n\n"
        + "### Accepted breaks\n\n"
        + "- **RESPONSE_PROPERTY_REMOVED** response property api\\_key\\_2 was removed or renamed"
        + " (`/components/schemas/ApiKeys/properties/api_key_2`; used by GET /v1/apps/{appId}/api-keys):"
        + " accepted until 2026-12-31, the upstream fix was announced\n\n"
        + "### Added operations\n\n"
        + "- added operation GET /v1/apps/{appId} (getApp)\n\n"
        + "### Added fields and parameters\n\n"
        + "- added response property created\\_at (used by GET /v1/apps/{appId}/api-keys)\n\n"
        + "### Added enum values\n\n"
        + "- request enum gained \\[3\\] (used by POST /v1/apps/{appId}/api-keys)\n\n"
        + "### Other additive changes\n\n"
        + "- added response 429 to GET /v1/apps/{appId}/api-keys\n\n"
        + "### Other changes\n\n"
        + "- error response 404 of GET /v1/apps/{appId}/api-keys is no longer documented\n\n");
  }

  @Test
  void aReleaseWithoutChangesSaysSo() {
    Verdict v = GateInputs.evaluate(d -> { }, "0.1.0", "0.1.1", null);
    assertThat(Changelog.section(v, SemVer.parse("0.1.1"), TODAY)).endsWith("needs a patch release.\n\n"
        + "No change to the API description.\n\n");
  }

  @Test
  void sectionsGoOnTopAndAReRunReplacesItsOwnSection() {
    String first = Changelog.prepend(null, "## [0.1.0] - 2026-01-01\n\n- one\n\n", SemVer.parse("0.1.0"));
    assertThat(first).startsWith(Changelog.HEADER + "\n## [0.1.0]");

    String second = Changelog.prepend(first, "## [0.2.0] - 2026-02-01\n\n- two\n\n", SemVer.parse("0.2.0"));
    assertThat(second).isEqualTo(Changelog.HEADER + "\n## [0.2.0] - 2026-02-01\n\n- two\n\n"
        + "## [0.1.0] - 2026-01-01\n\n- one\n\n");

    String rerun = Changelog.prepend(second, "## [0.2.0] - 2026-02-02\n\n- two, reviewed\n\n", SemVer.parse("0.2.0"));
    assertThat(rerun).isEqualTo(Changelog.HEADER + "\n## [0.2.0] - 2026-02-02\n\n- two, reviewed\n\n"
        + "## [0.1.0] - 2026-01-01\n\n- one\n\n");

    assertThat(Changelog.prepend("# Changelog\n\nNotes.\n", "## [0.1.0] - x\n", SemVer.parse("0.1.0")))
        .isEqualTo("# Changelog\n\nNotes.\n\n## [0.1.0] - x\n");
  }

  @Test
  void specTextsCannotBreakTheMarkdown() {
    assertThat(Markdown.text("a*b_c <i>|x</i> `y` [z](u) #1 & ~ $m$\nnext")).isEqualTo(
        "a\\*b\\_c \\<i\\>\\|x\\</i\\> \\`y\\` \\[z\\](u) \\#1 \\& \\~ \\$m\\$ next");
    assertThat(Markdown.code("/a/`b`")).isEqualTo("`` /a/`b` ``");
    assertThat(Markdown.code("/a/b")).isEqualTo("`/a/b`");
  }

  @TempDir Path dir;

  private Path specModule(Consumer<ObjectNode> current, String released) throws Exception {
    Path module = dir.resolve("spec");
    Files.createDirectories(module.resolve("baseline"));
    Files.writeString(module.resolve(Gate.BASELINE), GateInputs.yaml(TestDocs.baseline()));
    Files.writeString(module.resolve(Gate.BASELINE_VERSION), released + "\n");
    Files.writeString(module.resolve(Gate.CURRENT), GateInputs.yaml(TestDocs.edited(current)));
    return module;
  }

  @Test
  void theChangelogCommandWritesTheSectionAndMovesTheBaselineToTheDocumentItDescribes() throws Exception {
    Path module = specModule(d -> obj(d, KEYS + "/properties").putObject("created_at").put("type", "string"), "0.1.0");
    Path changelog = dir.resolve("CHANGELOG.md");
    String current = Files.readString(module.resolve(Gate.CURRENT));

    Release.changelog(module, "0.2.0", changelog, TODAY);

    assertThat(changelog).content().startsWith(Changelog.HEADER + "\n## [0.2.0] - 2026-03-01\n")
        .contains("### Added fields and parameters\n\n- added response property created\\_at");
    assertThat(module.resolve(Gate.BASELINE)).content().isEqualTo(current);
    assertThat(module.resolve(Gate.BASELINE_VERSION)).content().isEqualTo("0.2.0\n");
    assertThat(Release.check(module, "0.2.0", TODAY).version().prepared()).isTrue();

    String written = Files.readString(changelog);
    assertThatThrownBy(() -> Release.changelog(module, "0.2.0", changelog, TODAY)).isInstanceOf(GateFailure.class)
        .hasMessageStartingWith("the baseline already is the contract prepared for 0.2.0");
    assertThat(changelog).content().as("the section is written once").isEqualTo(written);

    // What 0.2.0 added is guarded now: removing the new property breaks its consumers.
    Files.writeString(module.resolve(Gate.CURRENT), GateInputs.yaml(TestDocs.baseline()));
    assertThatThrownBy(() -> Release.check(module, "0.2.0", TODAY)).isInstanceOf(GateFailure.class)
        .hasMessageContaining("BREAKING RESPONSE_PROPERTY_REMOVED");
  }

  @Test
  void theReleaseCommandsRefuseAVersionBelowWhatTheDiffNeeds() throws Exception {
    Path module = specModule(d -> obj(d, KEYS + "/properties").remove("api_key_2"), "0.1.0");
    Path changelog = dir.resolve("CHANGELOG.md");

    assertThatThrownBy(() -> Release.check(module, "0.2.0", TODAY)).isInstanceOf(GateFailure.class)
        .hasMessageContaining("version 0.2.0 may not be released")
        .hasMessageContaining("the project version 0.2.0 is below 1.0.0");
    assertThatThrownBy(() -> Release.changelog(module, "0.2.0", changelog, TODAY)).isInstanceOf(GateFailure.class);
    assertThat(changelog).doesNotExist();
    assertThat(Release.check(module, "1.0.0", TODAY).passed()).isTrue();
  }

  @Test
  void theReleaseMainRejectsBadUsage() {
    assertThatThrownBy(() -> Release.main(new String[] {"publish", "spec", "1.0.0"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("usage:");
    assertThatThrownBy(() -> Release.check(dir, "one", TODAY)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a version");
  }
}
