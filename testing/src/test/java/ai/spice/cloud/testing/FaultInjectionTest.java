package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SpiceCloudFakeExtension.class)
class FaultInjectionTest {
  @Test
  void theNextNCallsOfTheOperationAnswer503ThenItRecovers(SpiceCloudFake fake) {
    fake.app(42);
    fake.failNext(Operation.GET_API_KEYS, 2, Fault.serviceUnavailable());
    Raw.Response first = Raw.get(fake, "/v1/apps/42/api-keys", Raw.bearer(fake.defaultToken()));
    assertThat(first.status()).isEqualTo(503);
    assertThat(first.code()).isEqualTo("service_unavailable");
    assertThat(first.raw().headers().firstValue("Retry-After")).isEmpty();
    // Other operations are not armed.
    assertThat(Raw.get(fake, "/v1/apps", Raw.bearer(fake.defaultToken())).status()).isEqualTo(200);
    assertThat(Raw.get(fake, "/v1/apps/42/api-keys", Raw.bearer(fake.defaultToken())).status()).isEqualTo(503);
    assertThat(Raw.get(fake, "/v1/apps/42/api-keys", Raw.bearer(fake.defaultToken())).status()).isEqualTo(200);
    assertThat(fake.armedFaults(Operation.GET_API_KEYS)).isZero();
  }

  @Test
  void statusFaultsCarryRetryAfterInWholeSecondsWhenAsked(SpiceCloudFake fake) {
    fake.failNext(Operation.LIST_APPS, Fault.serviceUnavailable(Duration.ofMillis(1500)));
    fake.failNext(Operation.LIST_APPS, Fault.tooManyRequests(Duration.ofSeconds(3)));
    fake.failNext(Operation.LIST_APPS, Fault.tooManyRequests());
    Raw.Response r503 = Raw.get(fake, "/v1/apps", Raw.bearer(fake.defaultToken()));
    assertThat(r503.status()).isEqualTo(503);
    assertThat(r503.raw().headers().firstValue("Retry-After")).hasValue("2");
    Raw.Response r429 = Raw.get(fake, "/v1/apps", Raw.bearer(fake.defaultToken()));
    assertThat(r429.status()).isEqualTo(429);
    assertThat(r429.code()).isEqualTo("rate_limited");
    assertThat(r429.raw().headers().firstValue("Retry-After")).hasValue("3");
    assertThat(Raw.get(fake, "/v1/apps", Raw.bearer(fake.defaultToken())).raw().headers()
        .firstValue("Retry-After")).isEmpty();
  }

  @Test
  void aStatusFaultReplacesTheCallSoNothingIsRegenerated(SpiceCloudFake fake) {
    fake.app(42).apiKeys("p", "s");
    fake.failNext(Operation.REGENERATE_API_KEY, Fault.internalServerError());
    assertThat(Raw.post(fake, "/v1/apps/42/api-keys", null, Raw.bearer(fake.defaultToken())).status()).isEqualTo(500);
    assertThat(fake.isLiveKey(42, "p")).isTrue();
  }

  @Test
  void aResetClosesTheConnectionBeforeTheCallTakesEffect(SpiceCloudFake fake) {
    fake.app(42).apiKeys("p", "s");
    fake.failNext(Operation.REGENERATE_API_KEY, Fault.connectionReset());
    assertThatThrownBy(() -> Raw.post(fake, "/v1/apps/42/api-keys", null, Raw.bearer(fake.defaultToken())))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(fake.isLiveKey(42, "p")).isTrue();
    RecordedCall call = fake.requests(Operation.REGENERATE_API_KEY).get(0);
    assertThat(call.status()).isZero();
    assertThat(call.fault()).hasValue(Fault.connectionReset());
  }

  @Test
  void aLostResponseRegeneratesButNeverAnswers(SpiceCloudFake fake) {
    fake.app(42).apiKeys("p", "s");
    fake.failNext(Operation.REGENERATE_API_KEY, Fault.responseLost());
    assertThatThrownBy(() -> Raw.post(fake, "/v1/apps/42/api-keys", null, Raw.bearer(fake.defaultToken())))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(fake.isLiveKey(42, "p")).isFalse();
    assertThat(fake.isLiveKey(42, "s")).isTrue();
  }

  @Test
  void aDelayAnswersLateButNormally(SpiceCloudFake fake) {
    fake.app(42);
    fake.failNext(Operation.GET_API_KEYS, Fault.delay(Duration.ofMillis(300)));
    long start = System.nanoTime();
    Raw.Response r = Raw.get(fake, "/v1/apps/42/api-keys", Raw.bearer(fake.defaultToken()));
    assertThat(r.status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void clearingFaultsDisarmsThem(SpiceCloudFake fake) {
    fake.failNext(Operation.GET_HEALTH, 5, Fault.serviceUnavailable()).clearFaults();
    assertThat(Raw.get(fake, "/v1/health").status()).isEqualTo(200);
  }
}
