package ai.spice.cloud.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's "Testing your code" example, as written there. */
@ExtendWith(SpiceCloudFakeExtension.class)
@SpiceCloudFakeSeed("/seeds/tokens.json")
class ReadmeExampleTest {
  @Test
  void regeneratingTheSecondaryKillsTheOldValue(SpiceCloudFake fake, SpiceCloudClient client) {
    fake.app(42).apiKeys("old-primary", "old-secondary").secret("DB_PASSWORD", "s3cret");
    fake.token("reader", "apps:read");
    fake.organization("globex").member(7, "alice").roles("admin");

    client.apiKeys().regenerateApiKey(42L, new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.SECONDARY));

    assertFalse(fake.isLiveKey(42, "old-secondary"));
    assertTrue(fake.isLiveKey(42, "old-primary"));
    assertEquals(1, fake.requests(Operation.REGENERATE_API_KEY).size());
  }

  @Test
  void theFaultsOfTheReadmeCanBeArmed() {
    try (SpiceCloudFake fake = SpiceCloudFake.start()) {
      fake.failNext(Operation.GET_API_KEYS, 2, Fault.serviceUnavailable(Duration.ofSeconds(1)));
      fake.failNext(Operation.LIST_APPS, Fault.tooManyRequests());
      fake.failNext(Operation.REGENERATE_API_KEY, Fault.connectionReset());
      fake.failNext(Operation.REGENERATE_API_KEY, Fault.responseLost());
      fake.failNext(Operation.GET_API_KEYS, Fault.delay(Duration.ofSeconds(5)));
      assertEquals(3, fake.armedFaults(Operation.GET_API_KEYS));
      assertEquals(2, fake.armedFaults(Operation.REGENERATE_API_KEY));
    }
  }
}
