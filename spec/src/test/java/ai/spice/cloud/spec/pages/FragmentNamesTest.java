package ai.spice.cloud.spec.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FragmentNamesTest {
  private static JsonNode json(String singleQuoted) throws Exception {
    return new ObjectMapper().readTree(singleQuoted.replace('\'', '"'));
  }

  @Test
  void aPageIsNamedByTheLastSegmentOfItsAddressWhereverItWasReadFrom() {
    assertEquals("api-keys", FragmentNames.page("https://docs.spice.ai/api/management-api/management/api-keys.md"));
    assertEquals("api-keys", FragmentNames.page("https://docs.spice.ai/api/management-api/management/api-keys"));
    assertEquals("api-keys", FragmentNames.page("http://127.0.0.1:8080/x/api-keys.md?ask=no"));
    assertEquals("api-keys", FragmentNames.page("/tmp/saved/api-keys.md"));
    assertEquals("api-keys", FragmentNames.page("saved/API-Keys.markdown"));
    assertEquals("apps", FragmentNames.page("https://docs.spice.ai/api/management/apps/"));
    assertThrows(IllegalArgumentException.class, () -> FragmentNames.page("https://docs.spice.ai/"));
  }

  @Test
  void aBlockIsNamedByItsOperationsOrElseByTheComponentsItCarries() throws Exception {
    assertEquals("api-keys.post.v1-apps-appId-api-keys.json",
        FragmentNames.of("api-keys", json("{'paths':{'/v1/apps/{appId}/api-keys':{'post':{}}},'components':{'schemas':{'X':{}}}}")));
    assertEquals("apps.get.v1-apps+delete.v1-apps-appId.json",
        FragmentNames.of("apps", json("{'paths':{'/v1/apps/{appId}':{'delete':{}},'/v1/apps':{'get':{}}}}")));
    assertEquals("x.get.root.json", FragmentNames.of("x", json("{'paths':{'/':{'get':{}}}}")));
    assertEquals("models.components.App-Secret.json",
        FragmentNames.of("models", json("{'components':{'schemas':{'Secret':{},'App':{}}}}")));
    assertNull(FragmentNames.of("models", json("{'openapi':'3.1.0','info':{}}")));
    assertEquals("many.get.a+3-more.json",
        FragmentNames.of("many", json("{'paths':{'/a':{'get':{}},'/b':{'get':{}},'/c':{'get':{}},'/d':{'get':{}}}}")));
  }
}
