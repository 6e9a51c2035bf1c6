package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.App;
import ai.spice.cloud.client.model.AppList;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A malformed value of a known field fails that field's getter, not the call: the rest of the model reads as
 * sent, the raw value stays readable, and {@code validate()} or {@code strictDecoding(true)} give the
 * all-or-nothing check.
 */
class MalformedValuesTest extends ServerTest {

  private static final String APP = "{\"id\":7,\"name\":\"ok\",\"created_at\":\"2026-01-02T03:04:05Z\"}";

  private AppList appsWithSecond(String second) {
    server.enqueue(json(200, "{\"apps\":[" + APP + "," + second + "," + APP + "]}"));
    return client().apps().listApps();
  }

  @Test
  void aDateWithoutItsTimeFailsOnlyThatGetterNamingTheFieldTheOperationAndThePointer() {
    AppList apps = appsWithSecond("{\"id\":8,\"name\":\"late\",\"created_at\":\"2026-01-02\"}");

    App bad = apps.getApps().get(1);
    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        bad::getCreatedAt);

    assertThat(e.pointer()).isEqualTo("/apps/1/created_at");
    assertThat(e.getMessage()).contains("App.created_at").contains("/apps/1/created_at")
        .contains("AppsApi#listApps").contains("GET /v1/apps").contains("OffsetDateTime").contains("a string");
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(bad._unknown("created_at")).isEqualTo("2026-01-02");
    assertThat(bad.getId()).isEqualTo(8L);
    assertThat(bad.getName()).isEqualTo("late");
    assertThat(apps.getApps().get(0).getCreatedAt()).isEqualTo(OffsetDateTime.parse("2026-01-02T03:04:05Z"));
    assertThat(apps.getApps().get(2).getId()).isEqualTo(7L);
  }

  @Test
  void validateThrowsForTheFirstMalformedValueInTheModelOrOneNestedInIt() {
    AppList apps = appsWithSecond("{\"id\":\"eight\",\"created_at\":false}");

    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        apps::validate);

    assertThat(e.pointer()).isEqualTo("/apps/1/id");
    assertThat(catchThrowableOfType(SpiceCloudInvalidResponseException.class, apps.getApps().get(1)::validate)
        .pointer()).isEqualTo("/apps/1/id");
    apps.getApps().get(0).validate(); // nothing malformed there
  }

  @Test
  void strictDecodingFailsTheCallAsBefore() {
    server.enqueue(json(200, "{\"apps\":[" + APP + ",{\"created_at\":\"yesterday\"}]}"));

    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        () -> clientBuilder().strictDecoding(true).build().apps().listApps());

    assertThat(e.pointer()).isEqualTo("/apps/1/created_at");
  }

  @Test
  void aValuePartlyReadWhenItFailedIsSkippedAndStillReadableInFull() {
    AppList apps = appsWithSecond("{\"id\":8,\"tags\":{\"team\":\"a\",\"nested\":{\"deep\":[1,{\"x\":null}]}},"
        + "\"name\":\"after\"}");

    App bad = apps.getApps().get(1);

    assertThat(catchThrowableOfType(SpiceCloudInvalidResponseException.class, bad::getTags).pointer())
        .isEqualTo("/apps/1/tags");
    assertThat(bad._unknown("tags")).isEqualTo(Map.of("team", "a", "nested",
        Map.of("deep", List.of(1, java.util.Collections.singletonMap("x", null)))));
    assertThat(bad.getName()).isEqualTo("after");
    assertThat(apps.getApps()).hasSize(3);
  }

  @Test
  void aNumberOutOfRangeAndAWrongShapeAreMalformedValuesToo() {
    AppList apps = appsWithSecond("{\"id\":123456789012345678901234567890,\"name\":[\"a\"],\"created_at\":{}}");

    App bad = apps.getApps().get(1);

    assertThat(bad._unknown("id")).isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
    assertThat(bad._unknown("name")).isEqualTo(List.of("a"));
    assertThat(bad._unknown("created_at")).isEqualTo(Map.of());
    catchThrowableOfType(SpiceCloudInvalidResponseException.class, bad::getId);
    catchThrowableOfType(SpiceCloudInvalidResponseException.class, bad::getName);
  }

  @Test
  void aMalformedSecretIsNeverShownInTheErrorOrTheModelsText() {
    server.enqueue(json(200, "{\"api_key\":[\"sk-live-4f9a7c2e1b8d6053\"],"
        + "\"api_key_2\":{\"nested\":\"sk-live-0b1c2d3e4f5a6978\"}}"));

    ApiKeys keys = client().apiKeys().getApiKeys(1L);

    for (Runnable getter : List.<Runnable>of(keys::getApiKey, keys::getApiKey2)) {
      SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
          getter::run);
      assertThat(e.getMessage()).doesNotContain("sk-live");
      assertThat(e.bodyExcerpt()).isEqualTo("***");
    }
    assertThat(keys.toString()).doesNotContain("sk-live");
    assertThat(keys._unknown("api_key")).isEqualTo(List.of("sk-live-4f9a7c2e1b8d6053"));
  }

  @Test
  void brokenJsonInsideAMalformedValueStillFailsTheCall() {
    server.enqueue(json(200, "{\"apps\":[{\"tags\":{\"a\":{\"b\": }}}]}"));

    SpiceCloudInvalidResponseException e = catchThrowableOfType(SpiceCloudInvalidResponseException.class,
        () -> client().apps().listApps());

    assertThat(e.getMessage()).contains("Malformed or unexpected JSON");
    assertThat(e.pointer()).isNull();
  }

  @Test
  void aMalformedValueIsReadOrSkippedInOnePass() {
    // 40,000 entries in place of a string, and a map whose last entry is not a string: the first is kept as
    // sent, the second failed after 39,999 entries and the rest is skipped; both in one pass (a quadratic
    // reader would not finish).
    int n = 40_000; // about 0.8 MB, under the 1 MiB cap
    StringBuilder body = new StringBuilder("{\"apps\":[{\"name\":[");
    for (int i = 0; i < n; i++) {
      body.append(i == 0 ? "" : ",").append(i);
    }
    body.append("],\"tags\":{");
    for (int i = 0; i < n; i++) {
      body.append("\"t").append(i).append("\":").append(i == n - 1 ? "{\"x\":[1]}" : "\"v\"").append(',');
    }
    body.setLength(body.length() - 1);
    server.enqueue(json(200, body.append("},\"id\":9}]}").toString()));

    App app = client().apps().listApps().getApps().get(0);

    assertThat(app.getId()).isEqualTo(9L);
    assertThat((List<?>) app._unknown("name")).hasSize(n);
    assertThat((Map<?, ?>) app._unknown("tags")).hasSize(n);
    catchThrowableOfType(SpiceCloudInvalidResponseException.class, app::getTags);
  }
}
