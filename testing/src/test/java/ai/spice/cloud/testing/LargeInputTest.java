package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Input a caller controls is handled in time linear in its size: bodies just under the 1 MiB cap built to hurt
 * a quadratic parser (many keys, deep nesting, long numbers) and long path segments are answered in seconds.
 */
@ExtendWith(SpiceCloudFakeExtension.class)
class LargeInputTest {
  private static final int NEAR_CAP = (int) FakeDispatcher.MAX_BODY_BYTES - 64;

  private static Raw.Response regenerate(SpiceCloudFake fake, String body) {
    return Raw.post(fake, "/v1/apps/42/api-keys", body,
        Raw.bearer(fake.defaultToken(), "Content-Type", "application/json"));
  }

  @Test
  @Timeout(20)
  void aBodyWithTensOfThousandsOfKeysIsAnsweredQuickly(SpiceCloudFake fake) {
    fake.app(42);
    StringBuilder b = new StringBuilder("{\"key_number\":2");
    for (int i = 0; b.length() < NEAR_CAP - 20; i++) {
      b.append(",\"k").append(i).append("\":").append(i);
    }
    assertThat(regenerate(fake, b.append('}').toString()).status()).isEqualTo(200);
  }

  @Test
  @Timeout(20)
  void deeplyNestedJsonIsABadRequestNotACrash(SpiceCloudFake fake) {
    fake.app(42);
    int depth = NEAR_CAP / 2 - 10;
    String body = "{\"key_number\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    assertThat(regenerate(fake, body).status()).isEqualTo(400);
  }

  @Test
  @Timeout(20)
  void aHugeNumberIsABadRequest(SpiceCloudFake fake) {
    fake.app(42);
    assertThat(regenerate(fake, "{\"key_number\":1" + "0".repeat(NEAR_CAP - 20) + "}").status()).isEqualTo(400);
  }

  @Test
  @Timeout(20)
  void aLongAppIdIsABadRequest(SpiceCloudFake fake) {
    assertThat(Raw.get(fake, "/v1/apps/" + "9".repeat(8000) + "/api-keys", Raw.bearer(fake.defaultToken()))
        .status()).isEqualTo(400);
  }
}
