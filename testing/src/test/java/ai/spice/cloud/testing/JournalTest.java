package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SpiceCloudFakeExtension.class)
class JournalTest {
  @Test
  void theJournalRecordsEachCallWithTokenAndKeysMasked(SpiceCloudFake fake, SpiceCloudClient client) {
    fake.app(42).apiKeys("secret-primary", "secret-secondary");
    client.apiKeys().getApiKeys(42L);
    ApiKeysRegenerated r = client.apiKeys().regenerateApiKey(42L, null);
    assertThat(fake.requests()).hasSize(2);
    RecordedCall get = fake.requests(Operation.GET_API_KEYS).get(0);
    assertThat(get.sequence()).isEqualTo(1);
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.path()).isEqualTo("/v1/apps/42/api-keys");
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.requestHeader("authorization")).hasValue("Bearer ****");
    RecordedCall post = fake.requests(Operation.REGENERATE_API_KEY).get(0);
    String everything = fake.requests().toString();
    assertThat(everything).doesNotContain(fake.defaultToken()).doesNotContain("secret-primary")
        .doesNotContain("secret-secondary").doesNotContain(r.getApiKey());
    assertThat(post.responseBody()).hasValueSatisfying(b -> assertThat(b).contains("\"api_key\":\"****\""));
    assertThat(post.undocumented()).isEmpty();
  }

  @Test
  void theJournalKeepsOnlyTheMostRecentCalls() {
    try (SpiceCloudFake fake = SpiceCloudFake.builder().journalCapacity(3).start()) {
      for (int i = 0; i < 5; i++) {
        Raw.get(fake, "/v1/health");
      }
      assertThat(fake.requests()).extracting(RecordedCall::sequence).containsExactly(3L, 4L, 5L);
      fake.clearJournal();
      assertThat(fake.requests()).isEmpty();
    }
  }

  @Test
  void listenersSeeEveryCall() {
    java.util.List<RecordedCall> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (SpiceCloudFake fake = SpiceCloudFake.builder().listener(seen::add).start()) {
      Raw.get(fake, "/v1/health");
      Raw.get(fake, "/v1/nowhere");
    }
    assertThat(seen).extracting(RecordedCall::status).containsExactly(200, 404);
  }
}
