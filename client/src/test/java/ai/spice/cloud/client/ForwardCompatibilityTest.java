package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.ApiKeysRegenerated.RegeneratedKeyEnum;
import ai.spice.cloud.client.model.Region;
import ai.spice.cloud.client.model.RegionList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a newer API sends that this client's models do not know stays readable. */
class ForwardCompatibilityTest extends ServerTest {

  @Test
  void anUnknownIntegerEnumValueReadsAsTheUnknownConstantAndKeepsItsWireValue() {
    server.enqueue(json(200, "{\"api_key\":\"a\",\"api_key_2\":\"b\",\"regenerated_key\":3}"));

    ApiKeysRegenerated r = client().apiKeys().regenerateApiKey(1L, null);

    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(UnknownMembers.of(r)).containsExactly(Map.entry("regenerated_key", 3));
    assertThat(r.getApiKey()).isEqualTo("a");
  }

  @Test
  void anUnknownStringEnumValueInANestedModelKeepsItsWireValue() {
    server.enqueue(json(200, "{\"regions\":[{\"region\":\"eu-1\",\"provider\":\"gcp\",\"providerName\":\"AWS\"}]}"));

    RegionList regions = client().regions().listRegions();

    Region region = regions.getRegions().get(0);
    assertThat(region.getProvider()).isEqualTo(Region.ProviderEnum.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(UnknownMembers.of(region)).containsExactly(Map.entry("provider", "gcp"));
    assertThat(region.getProviderName()).isEqualTo(Region.ProviderNameEnum.AWS);
  }

  @Test
  void unknownMembersAreKeptWithTheirValuesAndKnownEnumValuesAreNot() {
    server.enqueue(json(200, "{\"api_key\":\"a\",\"regenerated_key\":2,\"rotated_at\":\"2026-01-01T00:00:00Z\","
        + "\"limits\":{\"per_day\":3,\"tags\":[\"x\",null]},\"flag\":true}"));

    ApiKeysRegenerated r = client().apiKeys().regenerateApiKey(1L, null);

    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.SECONDARY);
    assertThat(UnknownMembers.of(r)).containsOnlyKeys("rotated_at", "limits", "flag")
        .containsEntry("rotated_at", "2026-01-01T00:00:00Z").containsEntry("flag", true)
        .containsEntry("limits", Map.of("per_day", 3, "tags", java.util.Arrays.asList("x", null)));
    assertThat(r.toString()).doesNotContain("rotated_at").doesNotContain("limits");
  }

  @Test
  void modelsWithNothingUnknownAndOtherObjectsHaveNoUnknownMembers() {
    server.enqueue(json(200, "{\"api_key\":\"a\",\"api_key_2\":null}"));

    assertThat(UnknownMembers.of(client().apiKeys().getApiKeys(1L))).isEmpty();
    assertThat(UnknownMembers.of(new ApiKeysRegenerated())).isEmpty();
    assertThat(UnknownMembers.of(List.of())).isEmpty();
    assertThat(UnknownMembers.of(null)).isEmpty();
  }

  @Test
  void twoEqualModelsKeepTheirOwnUnknownMembers() {
    server.enqueue(json(200, "{\"api_key\":\"a\",\"regenerated_key\":7}"));
    server.enqueue(json(200, "{\"api_key\":\"a\",\"regenerated_key\":8}"));

    ApiKeysRegenerated first = client().apiKeys().regenerateApiKey(1L, null);
    ApiKeysRegenerated second = client().apiKeys().regenerateApiKey(1L, null);

    assertThat(first).isEqualTo(second);
    assertThat(UnknownMembers.of(first)).containsEntry("regenerated_key", 7);
    assertThat(UnknownMembers.of(second)).containsEntry("regenerated_key", 8);
  }
}
