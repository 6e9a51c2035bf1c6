package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.ApiKeysRegenerated.RegeneratedKeyEnum;
import ai.spice.cloud.client.model.Region;
import ai.spice.cloud.client.model.RegionList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a newer API sends that this client's models do not know stays readable, from the model itself. The
 * "unknown" names and values are ones no published page can collide with, so an upstream page adding a member
 * or an enum value cannot turn these tests into tests of a known one.
 */
class ForwardCompatibilityTest extends ServerTest {

  /** A member name no API page publishes. */
  static final String UNKNOWN = "x_spice_test_unknown_member";

  /** A value the generated enum does not list, whatever it lists. */
  static int unlistedKey() {
    return Arrays.stream(RegeneratedKeyEnum.values()).filter(k -> k != RegeneratedKeyEnum.UNKNOWN_DEFAULT_OPEN_API)
        .mapToInt(RegeneratedKeyEnum::getValue).max().orElse(0) + 1;
  }

  @Test
  void anUnknownIntegerEnumValueReadsAsTheUnknownConstantAndKeepsItsWireValue() {
    int sent = unlistedKey();
    server.enqueue(json(200, "{\"api_key\":\"a\",\"api_key_2\":\"b\",\"regenerated_key\":" + sent + "}"));

    ApiKeysRegenerated r = client().apiKeys().regenerateApiKey(1L, null);

    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(r._unknown("regenerated_key")).isEqualTo(sent);
    assertThat(r._additionalProperties()).isEmpty(); // a known member, not an additional one
    assertThat(r.getApiKey()).isEqualTo("a");
  }

  @Test
  void anUnknownStringEnumValueInANestedModelKeepsItsWireValue() {
    server.enqueue(json(200, "{\"regions\":[{\"region\":\"eu-1\",\"provider\":\"x-spice-test-unknown-provider\","
        + "\"providerName\":\"AWS\"}]}"));

    RegionList regions = client().regions().listRegions();

    Region region = regions.getRegions().get(0);
    assertThat(region.getProvider()).isEqualTo(Region.ProviderEnum.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(region._unknown("provider")).isEqualTo("x-spice-test-unknown-provider");
    assertThat(region.getProviderName()).isEqualTo(Region.ProviderNameEnum.AWS);
    assertThat(regions._unknown("provider")).isNull(); // kept by the model it was sent in
  }

  @Test
  void unknownMembersAreKeptInTheModelWithTheirValuesAndKnownEnumValuesAreNot() {
    server.enqueue(json(200, "{\"api_key\":\"a\",\"regenerated_key\":2,\"" + UNKNOWN + "_at\":\"2026-01-01T00:00:00Z\","
        + "\"" + UNKNOWN + "_limits\":{\"per_day\":3,\"tags\":[\"x\",null]},\"" + UNKNOWN + "_flag\":true}"));

    ApiKeysRegenerated r = client().apiKeys().regenerateApiKey(1L, null);

    assertThat(r.getRegeneratedKey()).isEqualTo(RegeneratedKeyEnum.SECONDARY);
    assertThat(r._additionalProperties()).containsOnlyKeys(UNKNOWN + "_at", UNKNOWN + "_limits", UNKNOWN + "_flag")
        .containsEntry(UNKNOWN + "_at", "2026-01-01T00:00:00Z").containsEntry(UNKNOWN + "_flag", true)
        .containsEntry(UNKNOWN + "_limits", Map.of("per_day", 3, "tags", Arrays.asList("x", null)));
    assertThat(r._unknown(UNKNOWN + "_flag")).isEqualTo(true);
    assertThat(r._unknown("regenerated_key")).isNull();
    assertThat(r.toString()).doesNotContain(UNKNOWN).doesNotContain("per_day").contains("_unknown: 3");
  }

  @Test
  void modelsWithNothingUnknownAndModelsBuiltByCallersHaveNoUnknownMembers() {
    server.enqueue(json(200, "{\"api_key\":\"a\",\"api_key_2\":null}"));

    ApiKeys decoded = client().apiKeys().getApiKeys(1L);

    assertThat(decoded._additionalProperties()).isEmpty();
    assertThat(decoded._unknown("api_key")).isNull();
    assertThat(new ApiKeysRegenerated()._additionalProperties()).isEmpty();
    assertThat(new ApiKeysRegenerated()._unknown(UNKNOWN)).isNull();
  }

  @Test
  void twoModelsWithTheSameFieldsAreEqualAndKeepTheirOwnUnknownValues() {
    int sent = unlistedKey();
    server.enqueue(json(200, "{\"api_key\":\"a\",\"regenerated_key\":" + sent + "}"));
    server.enqueue(json(200, "{\"api_key\":\"a\",\"regenerated_key\":" + (sent + 1) + ",\"" + UNKNOWN + "\":1}"));

    ApiKeysRegenerated first = client().apiKeys().regenerateApiKey(1L, null);
    ApiKeysRegenerated second = client().apiKeys().regenerateApiKey(1L, null);

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(first._unknown("regenerated_key")).isEqualTo(sent);
    assertThat(second._unknown("regenerated_key")).isEqualTo(sent + 1);
    assertThat(first._additionalProperties()).isEmpty();
  }

  @Test
  void decodedModelsEqualModelsCallersBuildWithTheSameFields() {
    // Region and RegionList have no secret members; name and region are fields of the released contract.
    server.enqueue(json(200, "{\"regions\":[{\"name\":\"East\",\"region\":\"eu-1\"},{\"region\":\"eu-2\","
        + "\"" + UNKNOWN + "\":{\"nested\":true}}]}"));

    RegionList decoded = client().regions().listRegions();

    RegionList built = new RegionList().regions(List.of(new Region().name("East").region("eu-1"),
        new Region().region("eu-2")));
    assertThat(decoded).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(built).isEqualTo(decoded);
    assertThat(decoded.getRegions().get(1)).isEqualTo(built.getRegions().get(1)); // what is unknown takes no part
    assertThat(decoded.getRegions().get(1)._unknown(UNKNOWN)).isEqualTo(Map.of("nested", true));
  }
}
