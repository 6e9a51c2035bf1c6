package ai.spice.cloud.spec.tool;

import static ai.spice.cloud.spec.tool.Fixtures.fragment;
import static ai.spice.cloud.spec.tool.Fixtures.json;
import static ai.spice.cloud.spec.tool.Fixtures.node;
import static ai.spice.cloud.spec.tool.Fixtures.operation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentMergerTest {
  private static final String A = "'A':{'type':'object','properties':{'a':{'type':'string'}}}";
  private static final String B = "'B':{'type':'object','properties':{'b':{'type':'string'}}}";

  @Test
  void unionsPathsOperationsAndComponentsOfAllFragments() {
    ObjectNode merged = FragmentMerger.merge(List.of(
        new Fragment("get.json", fragment("/x", "get", operation("A"), A)),
        new Fragment("post.json", fragment("/x", "post", operation("B"), B)),
        new Fragment("other.json", fragment("/y", "get", operation("A"), A))));

    assertTrue(merged.at("/paths/~1x/get").isObject());
    assertTrue(merged.at("/paths/~1x/post").isObject());
    assertTrue(merged.at("/paths/~1y/get").isObject());
    assertTrue(merged.at("/components/schemas/A").isObject());
    assertTrue(merged.at("/components/schemas/B").isObject());
    assertEquals(1, merged.at("/components/securitySchemes").size());
    assertEquals(1, merged.at("/tags").size(), "identical tags are merged into one");
  }

  @Test
  void sameOperationWithDifferentContentNamesBothFilesAndThePointer() {
    SpecException e = assertThrows(SpecException.class, () -> FragmentMerger.merge(List.of(
        new Fragment("one.json", fragment("/x", "get", operation("A"), A)),
        new Fragment("two.json", fragment("/x", "get", operation("B"), A + "," + B)))));

    assertEquals("fragments disagree at /paths/~1x/get: one.json and two.json define it differently (first difference "
        + "at /paths/~1x/get/responses/200/content/application~1json/schema/$ref)", e.getMessage());
  }

  @Test
  void sameComponentNameWithDifferentSchemaIsAConflict() {
    String otherA = "'A':{'type':'object','properties':{'a':{'type':'integer'}}}";
    SpecException e = assertThrows(SpecException.class, () -> FragmentMerger.merge(List.of(
        new Fragment("one.json", fragment("/x", "get", operation("A"), A)),
        new Fragment("two.json", fragment("/y", "get", operation("A"), otherA)))));

    assertEquals("fragments disagree at /components/schemas/A: one.json and two.json define it differently (first "
        + "difference at /components/schemas/A/properties/a/type)", e.getMessage());
  }

  @Test
  void differentInfoServersOrSecuritySchemesAreConflicts() {
    assertConflict("/info: one.json and two.json define it differently (first difference at /info/version)",
        f -> f.with("info").put("version", "v2"));
    assertConflict("/servers: one.json and two.json define it differently",
        f -> f.withArray("servers").addObject().put("url", "https://other.example"));
    assertConflict("/components/securitySchemes/BearerAuth: one.json and two.json define it differently (first "
        + "difference at /components/securitySchemes/BearerAuth/scheme)",
        f -> f.with("components").with("securitySchemes").with("BearerAuth").put("scheme", "basic"));
  }

  @Test
  void sameTagNameWithDifferentDescriptionIsAConflict() {
    assertConflict("/tags/0 (tag \"API Keys\"): one.json and two.json define it differently",
        f -> ((ObjectNode) f.withArray("tags").get(0)).put("description", "other"));
  }

  @Test
  void fragmentsMayLackTagsServersSecurityComponentsAndEvenPaths() {
    ObjectNode bare = json("{'openapi':'3.1.0','info':{'title':'T','version':'v1'},"
        + "'paths':{'/z':{'get':{'responses':{'204':{'description':'none'}}}}}}");
    ObjectNode model = json("{'openapi':'3.1.0','info':{'title':'T','version':'v1'},'components':{'schemas':{" + B + "}}}");

    ObjectNode merged = FragmentMerger.merge(List.of(new Fragment("a.json", fragment("/x", "get", operation("A"), A)),
        new Fragment("bare.json", bare), new Fragment("model.json", model)));

    assertEquals(node("{'responses':{'204':{'description':'none'}},'security':[]}"), merged.at("/paths/~1z/get"));
    assertEquals(json("{" + B + "}").get("B"), merged.at("/components/schemas/B"));
    assertEquals(node("[{'BearerAuth':[]}]"), merged.get("security"));
    assertEquals(node("[{'url':'https://api.spice.ai'}]"), merged.get("servers"));
  }

  @Test
  void operationsOfAFragmentWithoutTopLevelSecurityStayPublicAndTheOthersKeepBearerAuth() {
    ObjectNode health = fragment("/health", "get", operation("A"), A);
    health.remove("security");
    ObjectNode explicitlyPublic = fragment("/status", "get", operation("A"), A);
    explicitlyPublic.putArray("security");
    List<String> normalizations = new java.util.ArrayList<>();

    ObjectNode merged = FragmentMerger.mergeListing(List.of(new Fragment("health.json", health),
        new Fragment("keys.json", fragment("/x", "get", operation("A"), A)),
        new Fragment("status.json", explicitlyPublic)), normalizations);

    assertEquals(node("[]"), merged.at("/paths/~1health/get/security"));
    assertEquals(node("[]"), merged.at("/paths/~1status/get/security"));
    assertTrue(merged.at("/paths/~1x/get/security").isMissingNode(), "inherits the shared requirement");
    assertEquals(node("[{'BearerAuth':[]}]"), merged.get("security"));
    assertEquals(List.of(
        "/paths/~1health/get: health.json has no top-level security, so the operation stays public (\"security\": [])",
        "/paths/~1status/get: status.json has no top-level security, so the operation stays public (\"security\": [])"),
        normalizations);
  }

  @Test
  void aFragmentRequiringSomethingElseThanTheOthersHasItsOperationsCarryItThemselves() {
    ObjectNode scoped = fragment("/y", "get", operation("A"), A);
    scoped.withArray("security").removeAll().addObject().putArray("BearerAuth").add("apps:read");
    List<String> normalizations = new java.util.ArrayList<>();

    // The scoped page comes first in file order; the requirement most pages state is still the shared one.
    ObjectNode merged = FragmentMerger.mergeListing(List.of(new Fragment("a.json", scoped),
        new Fragment("one.json", fragment("/x", "get", operation("A"), A)),
        new Fragment("three.json", fragment("/z", "get", operation("A"), A))), normalizations);

    assertEquals(node("[{'BearerAuth':[]}]"), merged.get("security"));
    assertTrue(merged.at("/paths/~1x/get/security").isMissingNode());
    assertTrue(merged.at("/paths/~1z/get/security").isMissingNode());
    assertEquals(node("[{'BearerAuth':['apps:read']}]"), merged.at("/paths/~1y/get/security"));
    assertEquals(List.of("/paths/~1y/get: a.json requires [{\"BearerAuth\":[\"apps:read\"]}] at its top level, "
        + "unlike one.json, so the operation carries it itself"), normalizations);
  }

  @Test
  void theSameComponentFromSeveralPagesMergesOnceWhenIdentical() {
    ObjectNode modelsPage = json("{'openapi':'3.1.0','info':{'title':'T','version':'v1'},'components':{'schemas':{" + A + "}}}");

    ObjectNode merged = FragmentMerger.merge(List.of(new Fragment("apps.json", fragment("/x", "get", operation("A"), A)),
        new Fragment("models.json", modelsPage)));

    assertEquals(1, merged.at("/components/schemas").size());
    assertEquals(json("{" + A + "}").get("A"), merged.at("/components/schemas/A"));
  }

  @Test
  void theSameComponentDefinedDifferentlyOnTwoPagesNamesBothFilesAndWhereTheyDiffer() {
    String otherA = "'A':{'type':'object','properties':{'a':{'type':'string','format':'uuid'}}}";
    ObjectNode modelsPage = json("{'openapi':'3.1.0','info':{'title':'T','version':'v1'},'components':{'schemas':{" + otherA + "}}}");

    SpecException e = assertThrows(SpecException.class, () -> FragmentMerger.merge(List.of(
        new Fragment("apps.json", fragment("/x", "get", operation("A"), A)), new Fragment("models.json", modelsPage))));

    assertEquals("fragments disagree at /components/schemas/A: apps.json and models.json define it differently (first "
        + "difference at /components/schemas/A/properties/a/format)", e.getMessage());
  }

  @Test
  void everyKeywordUpstreamWritesSurvivesTheMergeUnchanged() {
    String rich = "'R':{'type':'object','description':'all of it','required':['id'],'additionalProperties':{'type':'string'},"
        + "'properties':{'id':{'type':'integer','format':'int64','minimum':1,'description':'id'},"
        + "'at':{'type':'string','format':'date-time'},'kind':{'type':'string','enum':['a','b'],'default':'a'},"
        + "'tags':{'type':'object','additionalProperties':{'type':'string'},'x-vendor':true},"
        + "'name':{'type':'string','pattern':'^[a-z]+$','maxLength':64,'examples':['abc']}}}";
    ObjectNode fragment = fragment("/r", "get", operation("R"), rich);

    ObjectNode merged = FragmentMerger.merge(List.of(new Fragment("r.json", fragment)));

    assertEquals(fragment.at("/components/schemas/R"), merged.at("/components/schemas/R"));
    assertEquals(fragment.at("/paths/~1r/get"), merged.at("/paths/~1r/get"));
  }

  private static void assertConflict(String message, java.util.function.Consumer<ObjectNode> change) {
    ObjectNode second = fragment("/y", "get", operation("A"), A);
    change.accept(second);
    SpecException e = assertThrows(SpecException.class, () -> FragmentMerger.merge(List.of(
        new Fragment("one.json", fragment("/x", "get", operation("A"), A)), new Fragment("two.json", second))));
    assertEquals("fragments disagree at " + message, e.getMessage());
  }
}
