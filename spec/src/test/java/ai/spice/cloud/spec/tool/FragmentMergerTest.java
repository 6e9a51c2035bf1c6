package ai.spice.cloud.spec.tool;

import static ai.spice.cloud.spec.tool.Fixtures.fragment;
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

    assertEquals("fragments disagree at /paths/~1x/get: one.json and two.json define it differently", e.getMessage());
  }

  @Test
  void sameComponentNameWithDifferentSchemaIsAConflict() {
    String otherA = "'A':{'type':'object','properties':{'a':{'type':'integer'}}}";
    SpecException e = assertThrows(SpecException.class, () -> FragmentMerger.merge(List.of(
        new Fragment("one.json", fragment("/x", "get", operation("A"), A)),
        new Fragment("two.json", fragment("/y", "get", operation("A"), otherA)))));

    assertEquals("fragments disagree at /components/schemas/A: one.json and two.json define it differently",
        e.getMessage());
  }

  @Test
  void differentInfoServersSecurityOrSecuritySchemesAreConflicts() {
    assertConflict("/info", f -> f.with("info").put("version", "v2"));
    assertConflict("/servers", f -> f.withArray("servers").addObject().put("url", "https://other.example"));
    assertConflict("/security", f -> f.withArray("security").removeAll().addObject().putArray("Other"));
    assertConflict("/components/securitySchemes/BearerAuth",
        f -> f.with("components").with("securitySchemes").with("BearerAuth").put("scheme", "basic"));
  }

  @Test
  void sameTagNameWithDifferentDescriptionIsAConflict() {
    assertConflict("/tags/0 (tag \"API Keys\")", f -> ((ObjectNode) f.withArray("tags").get(0)).put("description", "other"));
  }

  private static void assertConflict(String pointer, java.util.function.Consumer<ObjectNode> change) {
    ObjectNode second = fragment("/y", "get", operation("A"), A);
    change.accept(second);
    SpecException e = assertThrows(SpecException.class, () -> FragmentMerger.merge(List.of(
        new Fragment("one.json", fragment("/x", "get", operation("A"), A)), new Fragment("two.json", second))));
    assertEquals("fragments disagree at " + pointer + ": one.json and two.json define it differently", e.getMessage());
  }
}
