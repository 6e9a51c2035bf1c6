package ai.spice.cloud.spec.tool;

import static ai.spice.cloud.spec.compat.Rule.JAVA_SURFACE_CHANGED;
import static ai.spice.cloud.spec.compat.Rule.DEFAULT_CHANGED;
import static ai.spice.cloud.spec.compat.Rule.ENUM_NARROWED;
import static ai.spice.cloud.spec.compat.Rule.OPERATION_ID_CHANGED;
import static ai.spice.cloud.spec.compat.Rule.OPERATION_REMOVED;
import static ai.spice.cloud.spec.compat.Rule.PARAMETER_NOW_REQUIRED;
import static ai.spice.cloud.spec.compat.Rule.PATH_REMOVED;
import static ai.spice.cloud.spec.compat.Rule.REQUEST_BODY_NOW_REQUIRED;
import static ai.spice.cloud.spec.compat.Rule.REQUIRED_PROPERTY_ADDED;
import static ai.spice.cloud.spec.compat.Rule.RESPONSE_PROPERTY_REMOVED;
import static ai.spice.cloud.spec.compat.Rule.RESPONSE_STATUS_REMOVED;
import static ai.spice.cloud.spec.compat.Rule.SECURITY_CHANGED;
import static ai.spice.cloud.spec.compat.Rule.SECURITY_SCHEME_CHANGED;
import static ai.spice.cloud.spec.compat.Rule.TYPE_CHANGED;
import static ai.spice.cloud.spec.tool.UpstreamEdits.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.spec.codegen.StableSignaturesJavaCodegen;
import ai.spice.cloud.spec.compat.Gate;
import ai.spice.cloud.spec.surface.SurfaceCheck;
import ai.spice.cloud.spec.compat.Verdict;
import ai.spice.cloud.spec.compat.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop gives the right verdict for an upstream edit: each edit of the table is applied to a frozen copy of the
 * published fragments and decorations (src/test/resources/published-2026-12-01), the document is derived and the breaking-change gate runs, as the spec module's build
 * does. A breaking edit must fail with exactly the gate's findings listed (rule and JSON pointer), never
 * earlier with a derivation or decoration error; a benign edit must derive (warnings allowed) and pass.
 *
 * <p>The baseline is the document derived from the unedited copy, so each verdict is about the edit alone,
 * whatever the released baseline is, and whatever upstream publishes later.
 */
class UpstreamEditVerdictTest {
  private static final String KEYS = "/v1/apps/{appId}/api-keys";
  private static final String KEYS_PTR = "/paths/~1v1~1apps~1{appId}~1api-keys";
  private static final String REQUEST = "/requestBody/content/application~1json/schema";
  private static final String KEY_NUMBER = "/components/schemas/RegenerateApiKeyRequest/properties/key_number";
  private static final String KEY_NUMBER_DECORATION = KEYS_PTR + "/post" + REQUEST + "/properties/key_number";
  private static final String MEMBERS_ITEM = "/responses/200/content/application~1json/schema/properties/members/items";

  @TempDir static Path dir;
  private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 1);
  private static JsonNode baseline;
  private static String baselineText;

  /** What the gate found: a rule, which document the pointer is in, and the pointer. */
  record Found(Rule rule, String document, String pointer) {}

  record Edit(String name, Consumer<UpstreamEdits> apply, List<Found> breaking, List<String> warnings) {}

  @BeforeAll
  static void deriveTheUneditedCopy() {
    SpecTool.Result unedited = SpecTool.derive(FixtureModule.copyOfPublishedSnapshot(dir.resolve("unedited")));
    baseline = unedited.document();
    baselineText = unedited.text();
  }

  static Stream<Edit> breakingEdits() {
    return Stream.of(
        new Edit("key_number's default becomes another of its values", u -> u.operation("post", KEYS, op -> {
          ObjectNode keyNumber = at(op, REQUEST + "/properties/key_number");
          JsonNode current = keyNumber.get("default");
          for (JsonNode value : keyNumber.get("enum")) {
            if (!value.equals(current)) {
              keyNumber.set("default", value);
              return;
            }
          }
        }), List.of(new Found(DEFAULT_CHANGED, "current", KEY_NUMBER + "/default")), List.of()),

        new Edit("a response property is removed", u -> u.schema("ApiKeys", s -> at(s, "/properties").remove("api_key_2")),
            List.of(new Found(RESPONSE_PROPERTY_REMOVED, "baseline", "/components/schemas/ApiKeys/properties/api_key_2")),
            List.of()),

        new Edit("a new required request property", u -> u.operation("post", KEYS, op -> {
          ObjectNode schema = at(op, REQUEST);
          at(schema, "/properties").putObject("reason").put("type", "string");
          schema.putArray("required").add("reason");
        }), List.of(new Found(REQUIRED_PROPERTY_ADDED, "current", "/components/schemas/RegenerateApiKeyRequest/required")),
            List.of()),

        new Edit("an input enum value is removed (its reviewed name goes stale)", u -> u.operation("post", KEYS, op -> {
          ObjectNode keyNumber = at(op, REQUEST + "/properties/key_number");
          keyNumber.withArray("enum").remove(keyNumber.get("enum").size() - 1);
        }), List.of(new Found(ENUM_NARROWED, "current", KEY_NUMBER + "/enum")),
            List.of(KEY_NUMBER_DECORATION + "/x-enum-varnames/")),

        new Edit("an id changes type from integer to string", u -> u.operation("get", "/v1/members",
            op -> at(op, MEMBERS_ITEM + "/properties/user_id").put("type", "string")),
            // The int64 decoration no longer fits (stale); on an output, losing it is a narrowing the gate accepts.
            List.of(new Found(TYPE_CHANGED, "current", "/components/schemas/Member/properties/user_id/type")),
            List.of("/paths/~1v1~1members/get" + MEMBERS_ITEM + "/properties/user_id/format: the schema is no longer an "
                + "integer")),

        new Edit("an operation is no longer published", u -> u.remove("post", KEYS),
            List.of(new Found(OPERATION_REMOVED, "baseline", KEYS_PTR + "/post")), List.of()),

        new Edit("a new required query parameter", u -> u.operation("get", "/v1/apps", op -> op.putArray("parameters")
            .addObject().put("in", "query").put("name", "org").put("required", true).putObject("schema").put("type", "string")),
            List.of(new Found(PARAMETER_NOW_REQUIRED, "current", "/paths/~1v1~1apps/get/parameters/0")), List.of()),

        new Edit("one page now requires a scope", u -> u.fragmentOf("get", KEYS, f -> f.withArray("security").removeAll()
            .addObject().putArray("BearerAuth").add("apps:read")),
            List.of(new Found(SECURITY_CHANGED, "current", KEYS_PTR + "/get/security")), List.of()),

        new Edit("every page's bearer scheme becomes basic auth", u -> u.everyFragment(f -> {
          JsonNode scheme = f.at("/components/securitySchemes/BearerAuth");
          if (scheme.isObject()) {
            ((ObjectNode) scheme).put("scheme", "basic").remove("bearerFormat");
          }
        }), List.of(new Found(SECURITY_SCHEME_CHANGED, "current", "/components/securitySchemes/BearerAuth/scheme")),
            List.of()),

        new Edit("a path is renamed", u -> u.fragmentOf("get", "/v1/regions", f -> {
          ObjectNode paths = at(f, "/paths");
          paths.set("/v1/cloud-regions", paths.remove("/v1/regions"));
        }), List.of(new Found(PATH_REMOVED, "baseline", "/paths/~1v1~1regions")),
            List.of("/paths/~1v1~1regions: not in the merged document",
                "/paths/~1v1~1cloud-regions/get: no reviewed operationId; derived \"getCloudRegions\"")),

        new Edit("the request body becomes required", u -> u.operation("post", KEYS, op -> at(op, "/requestBody")
            .put("required", true)),
            List.of(new Found(REQUEST_BODY_NOW_REQUIRED, "current", KEYS_PTR + "/post/requestBody/required")), List.of()),

        new Edit("upstream names an operation itself, differently", u -> u.operation("get", KEYS,
            op -> op.put("operationId", "getAPIKeys")),
            List.of(new Found(OPERATION_ID_CHANGED, "current", KEYS_PTR + "/get/operationId")),
            List.of(KEYS_PTR + "/get/operationId: would overwrite what upstream says (\"getAPIKeys\")")),

        new Edit("a success status is replaced", u -> u.operation("get", "/v1/health", op -> {
          ObjectNode responses = at(op, "/responses");
          responses.remove("200");
          responses.putObject("204").put("description", "API is healthy");
        }), List.of(new Found(RESPONSE_STATUS_REMOVED, "baseline", "/paths/~1v1~1health/get/responses/200")),
            List.of("/paths/~1v1~1health/get/responses/200: not in the merged document")));
  }

  static Stream<Edit> benignEdits() {
    return Stream.of(
        new Edit("a new optional response property with format date-time", u -> u.schema("App", s ->
            at(s, "/properties").putObject("updated_at").put("type", "string").put("format", "date-time")
                .put("description", "Timestamp when the app was last updated")), List.of(), List.of()),

        new Edit("a new operation without a reviewed operationId", u -> u.addLike("get", "/v1/apps/{appId}/secrets",
            "secrets.delete.v1-apps-appId-secrets-name.json", f -> {
              ObjectNode op = at(f, "/paths/~1v1~1apps~1{appId}~1secrets/get").deepCopy();
              op.withArray("parameters").addObject().put("in", "path").put("name", "name").put("required", true)
                  .putObject("schema").put("type", "string");
              op.put("summary", "Delete a secret").remove("description");
              ObjectNode responses = at(op, "/responses");
              responses.remove("200");
              responses.putObject("204").put("description", "Secret deleted");
              at(f, "/components").remove("schemas");
              f.putObject("paths").putObject("/v1/apps/{appId}/secrets/{name}").set("delete", op);
            }), List.of(), List.of("/paths/~1v1~1apps~1{appId}~1secrets~1{name}/delete: no reviewed operationId; derived "
                + "\"deleteAppsByAppIdSecretsByName\"")),

        new Edit("a new input enum value", u -> u.operation("post", KEYS, op ->
            at(op, REQUEST + "/properties/key_number").withArray("enum").add(3)),
            List.of(), List.of(KEY_NUMBER_DECORATION + ": no reviewed name for enum value(s) 3 -> NUMBER_3 (derived)")),

        new Edit("a new optional query parameter", u -> u.operation("get", "/v1/apps", op -> op.putArray("parameters")
            .addObject().put("in", "query").put("name", "limit").put("required", false).putObject("schema")
            .put("type", "integer").put("default", 20).put("maximum", 100)), List.of(), List.of()),

        new Edit("a new error status", u -> u.operation("get", "/v1/regions", op -> at(op, "/responses")
            .putObject("429").put("description", "Too many requests")), List.of(), List.of()),

        new Edit("a description changes", u -> u.schema("ApiKeys", s -> at(s, "/properties/api_key")
            .put("description", "Primary API key, used by default")), List.of(), List.of()),

        new Edit("a page drops its security requirement (the operation is now public)", u -> u.fragmentOf("get",
            "/v1/regions", f -> f.remove("security")), List.of(), List.of()),

        new Edit("a response value is no longer nullable", u -> u.schema("App", s -> at(s, "/properties/tags")
            .remove("nullable")), List.of(), List.of()));
  }

  @TestFactory
  Stream<DynamicTest> eachBreakingEditFailsTheGateWithItsFindings() {
    return breakingEdits().map(edit -> DynamicTest.dynamicTest(edit.name(), () -> {
      Outcome outcome = apply(edit);

      assertEquals(edit.breaking(), outcome.found(), outcome.verdict().report());
      for (Found f : edit.breaking()) {
        assertTrue(outcome.verdict().report().contains("BREAKING " + f.rule() + ": "), outcome.verdict().report());
        assertTrue(outcome.verdict().report().contains("  at: " + f.document() + " " + f.pointer() + "\n"),
            outcome.verdict().report());
      }
      assertTrue(!outcome.verdict().passed());
      assertWarnings(edit, outcome.result());
    }));
  }

  @TestFactory
  Stream<DynamicTest> eachBenignEditDerivesAndPassesTheGate() {
    return benignEdits().map(edit -> DynamicTest.dynamicTest(edit.name(), () -> {
      // As in the build, with the generated client's Java surface: code written against the unedited client
      // must still compile and link (e.g. a new optional query parameter keeps listApps()).
      Outcome outcome = apply(edit, SURFACE);

      assertEquals(List.of(), outcome.found(), outcome.verdict().report());
      assertTrue(outcome.verdict().passed());
      assertTrue(outcome.verdict().report().contains("VERDICT: passed"), outcome.verdict().report());
      assertWarnings(edit, outcome.result());
    }));
  }

  @org.junit.jupiter.api.Test
  void aRenameThatKeepsTheWireFailsOnTheGeneratedJavaSurface() throws Exception {
    // Upstream renames the ApiKeys schema: every byte on the wire is the same, but ApiKeys (the class consumers
    // compile against) is gone and getApiKeys returns another type.
    Edit rename = new Edit("the ApiKeys schema is renamed", u -> u.fragmentOf("get", KEYS, f -> {
      ObjectNode schemas = at(f, "/components/schemas");
      schemas.set("ApiKeyPair", schemas.remove("ApiKeys"));
      at(f, "/paths/~1v1~1apps~1{appId}~1api-keys/get/responses/200/content/application~1json/schema")
          .put("$ref", "#/components/schemas/ApiKeyPair");
    }), List.of(), List.of());

    Outcome wireOnly = apply(rename);
    Outcome outcome = apply(rename, SURFACE);

    assertEquals(List.of(), wireOnly.found(), wireOnly.verdict().report());
    assertTrue(!outcome.verdict().passed(), outcome.verdict().report());
    assertTrue(outcome.found().contains(new Found(JAVA_SURFACE_CHANGED, "baseline", "/components/schemas/ApiKeys")),
        outcome.verdict().report());
    assertTrue(outcome.found().contains(new Found(JAVA_SURFACE_CHANGED, "baseline", KEYS_PTR + "/get")),
        outcome.verdict().report());
    assertTrue(outcome.verdict().report().contains("BREAKING JAVA_SURFACE_CHANGED: generated client: "),
        outcome.verdict().report());
  }

  private record Outcome(SpecTool.Result result, Verdict verdict, List<Found> found) {}

  /** The client's generator, as the spec module's build uses it (client/generator.yaml). */
  private static final SurfaceCheck SURFACE = new SurfaceCheck(
      Fixtures.specModule().resolve("../client/generator.yaml"), StableSignaturesJavaCodegen.class.getName(),
      Path.of(System.getProperty("java.io.tmpdir")).resolve("spice-cloud-edits-surface-" + ProcessHandle.current().pid()));

  private static Outcome apply(Edit edit) throws Exception {
    return apply(edit, null);
  }

  /** As SpecTool.main: derive (which must not fail), then the gate against the unedited document. */
  private static Outcome apply(Edit edit, SurfaceCheck surface) throws Exception {
    Path module = FixtureModule.copyOfPublishedSnapshot(Files.createTempDirectory(dir, "edit"));
    edit.apply().accept(new UpstreamEdits(module));

    SpecTool.Result result = SpecTool.derive(module);
    // No project version: the version rule is the gate's own concern; here every break must fail.
    Verdict verdict = Gate.evaluate(new Gate.Inputs(new Gate.Source("spec/" + Gate.BASELINE, baselineText),
        new Gate.Source("spec/" + Gate.CURRENT, result.text()), null, null, null, TODAY, false), surface);

    assertNotEquals(baselineText, result.text(), "the edit no longer changes the document; update the table");
    List<Found> found = verdict.result().breaking().stream()
        .map(f -> new Found(f.rule(), f.document(), f.pointer())).toList();
    return new Outcome(result, verdict, found);
  }

  /** Each expected warning or stale decoration (by prefix) is reported. */
  private static void assertWarnings(Edit edit, SpecTool.Result result) {
    List<String> reported = Stream.concat(result.warnings().stream(), result.staleDecorations().stream()).toList();
    for (String expected : edit.warnings()) {
      assertTrue(reported.stream().anyMatch(r -> r.startsWith(expected)), expected + " not in " + reported);
    }
  }
}
