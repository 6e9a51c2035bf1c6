package ai.spice.cloud.testing.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;
import ai.spice.cloud.client.rotation.ApiKeyRotation;
import ai.spice.cloud.client.rotation.ApiKeyRotation.Outcome;
import ai.spice.cloud.client.rotation.ApiKeyRotation.RotationException;
import ai.spice.cloud.testing.Fault;
import ai.spice.cloud.testing.Operation;
import ai.spice.cloud.testing.RecordedCall;
import ai.spice.cloud.testing.SpiceCloudFake;
import ai.spice.cloud.testing.SpiceCloudFakeExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ApiKeyRotation against the fake, faults included: the key in use never dies, no regeneration is re-sent. */
@ExtendWith(SpiceCloudFakeExtension.class)
class ApiKeyRotationTest {
  private static final long APP = 42;
  /** What the runtimes use: the "secret store" the publisher writes and keyInUse reads. */
  private final AtomicReference<String> store = new AtomicReference<>("primary-0");
  private final List<String> published = new ArrayList<>();
  private SpiceCloudFake fake;
  private SpiceCloudClient client;

  @BeforeEach
  void seed(SpiceCloudFake fake) {
    this.fake = fake;
    fake.app(APP).apiKeys("primary-0", "secondary-0");
    // Fast retries for the GETs; a short call timeout so a delayed POST times out quickly.
    client = SpiceCloudClient.builder().baseUrl(fake.url()).bearerToken(fake.defaultToken())
        .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20))
        .callTimeout(Duration.ofMillis(700)).readTimeout(Duration.ofMillis(700)).build();
  }

  private ApiKeyRotation rotation() {
    return ApiKeyRotation.builder(client, APP).keyInUse(store::get).publisher(key -> {
      published.add(key);
      store.set(key);
    }).build();
  }

  private List<String> calls() {
    return fake.requests().stream().map(c -> c.operation().map(Operation::name).orElse("?")).toList();
  }

  @Test
  void stepsAlternateAndTheKeyInUseStaysLiveThroughEach() {
    ApiKeyRotation rotation = rotation();
    ApiKeyRotation.Rotated first = rotation.rotate();
    assertThat(first.regenerated()).isEqualTo(KeyNumberEnum.SECONDARY);
    assertThat(first.readBack()).isFalse();
    assertThat(fake.isLiveKey(APP, "primary-0")).as("the key runtimes used").isTrue();
    assertThat(fake.isLiveKey(APP, "secondary-0")).isFalse();
    assertThat(fake.isLiveKey(APP, store.get())).isTrue();

    String afterFirst = store.get();
    assertThat(rotation.rotate().regenerated()).isEqualTo(KeyNumberEnum.PRIMARY);
    assertThat(fake.isLiveKey(APP, afterFirst)).as("the key runtimes moved to").isTrue();
    assertThat(fake.isLiveKey(APP, "primary-0")).isFalse();

    assertThat(rotation.rotate().regenerated()).isEqualTo(KeyNumberEnum.SECONDARY);
    assertThat(published).hasSize(3).doesNotHaveDuplicates();
    assertThat(calls()).containsExactly("GET_API_KEYS", "REGENERATE_API_KEY", "GET_API_KEYS", "REGENERATE_API_KEY",
        "GET_API_KEYS", "REGENERATE_API_KEY");
  }

  @Test
  void aLostResponseIsReadBackAndPublishedWithoutASecondRegeneration() {
    fake.failNext(Operation.REGENERATE_API_KEY, Fault.responseLost());
    ApiKeyRotation.Rotated r = rotation().rotate();
    assertThat(r.readBack()).isTrue();
    assertThat(fake.requests(Operation.REGENERATE_API_KEY)).hasSize(1);
    assertThat(calls()).containsExactly("GET_API_KEYS", "REGENERATE_API_KEY", "GET_API_KEYS");
    assertThat(fake.isLiveKey(APP, store.get())).isTrue();
    assertThat(store.get()).isNotEqualTo("secondary-0").isNotEqualTo("primary-0");
    assertThat(fake.isLiveKey(APP, "primary-0")).isTrue();
  }

  @Test
  void aDelayPastTheTimeoutIsReadBackAndPublished() {
    fake.failNext(Operation.REGENERATE_API_KEY, Fault.delay(Duration.ofSeconds(2)));
    ApiKeyRotation.Rotated r = rotation().rotate();
    assertThat(r.readBack()).isTrue();
    assertThat(fake.requests(Operation.REGENERATE_API_KEY)).hasSize(1);
    assertThat(fake.isLiveKey(APP, store.get())).isTrue();
    assertThat(fake.isLiveKey(APP, "primary-0")).isTrue();
  }

  @Test
  void aResetBeforeTheRegenerationFailsTheStepWithNothingPublishedAndTheNextStepSucceeds() {
    fake.failNext(Operation.REGENERATE_API_KEY, Fault.connectionReset());
    RotationException e = catchThrowableOfType(RotationException.class, () -> rotation().rotate());
    assertThat(e.outcome()).isEqualTo(Outcome.NOT_REGENERATED);
    assertThat(published).isEmpty();
    assertThat(fake.requests(Operation.REGENERATE_API_KEY)).hasSize(1);
    assertThat(fake.isLiveKey(APP, "primary-0")).isTrue();

    assertThat(rotation().rotate().regenerated()).isEqualTo(KeyNumberEnum.SECONDARY);
    assertThat(fake.requests(Operation.REGENERATE_API_KEY)).hasSize(2);
  }

  @Test
  void a503OnTheRegenerationIsReadBackFoundUnchangedAndNotResent() {
    fake.failNext(Operation.REGENERATE_API_KEY, Fault.serviceUnavailable(Duration.ZERO));
    RotationException e = catchThrowableOfType(RotationException.class, () -> rotation().rotate());
    assertThat(e.outcome()).isEqualTo(Outcome.NOT_REGENERATED);
    assertThat(calls()).containsExactly("GET_API_KEYS", "REGENERATE_API_KEY", "GET_API_KEYS");
    assertThat(published).isEmpty();
    assertThat(fake.isLiveKey(APP, "secondary-0")).isTrue();
  }

  @Test
  void aRefusalIsNotReadBack() {
    fake.failNext(Operation.REGENERATE_API_KEY, Fault.tooManyRequests(Duration.ofSeconds(1)));
    RotationException e = catchThrowableOfType(RotationException.class, () -> rotation().rotate());
    assertThat(e.outcome()).isEqualTo(Outcome.NOT_REGENERATED);
    assertThat(calls()).containsExactly("GET_API_KEYS", "REGENERATE_API_KEY");
  }

  @Test
  void whenTheReadBackFailsTooTheOutcomeIsUnknownAndTheNextStepReadsFirst() {
    fake.failNext(Operation.REGENERATE_API_KEY, Fault.responseLost());
    // The step's first GET passes; every attempt of the read-back (1 + 3 retries) fails.
    ApiKeyRotation rotation = rotation();
    fake.failNext(Operation.GET_API_KEYS, Fault.delay(Duration.ZERO));
    fake.failNext(Operation.GET_API_KEYS, 4, Fault.serviceUnavailable());
    RotationException e = catchThrowableOfType(RotationException.class, rotation::rotate);
    assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(e.getSuppressed()).isNotEmpty();
    assertThat(published).isEmpty();
    assertThat(fake.isLiveKey(APP, "primary-0")).isTrue();

    // The lost regeneration did happen; the next step reads, regenerates the standby again, publishes.
    rotation.rotate();
    assertThat(fake.requests(Operation.REGENERATE_API_KEY)).hasSize(2);
    assertThat(fake.isLiveKey(APP, store.get())).isTrue();
    assertThat(fake.isLiveKey(APP, "primary-0")).isTrue();
  }

  @Test
  void aFailingPublisherLeavesTheKeyInUseLiveAndTheNextStepRegeneratesTheStandbyAgain() {
    AtomicBoolean fail = new AtomicBoolean(true);
    ApiKeyRotation rotation = ApiKeyRotation.builder(client, APP).keyInUse(store::get).publisher(key -> {
      if (fail.getAndSet(false)) {
        throw new IllegalStateException("vault is down");
      }
      store.set(key);
    }).build();
    RotationException e = catchThrowableOfType(RotationException.class, rotation::rotate);
    assertThat(e.outcome()).isEqualTo(Outcome.PUBLISH_FAILED);
    assertThat(e.getCause()).hasMessage("vault is down");
    assertThat(fake.isLiveKey(APP, "primary-0")).isTrue();
    assertThat(rotation.rotate().regenerated()).isEqualTo(KeyNumberEnum.SECONDARY);
    assertThat(fake.isLiveKey(APP, "primary-0")).isTrue();
    assertThat(store.get()).isNotEqualTo("primary-0");
  }

  @Test
  void aKeyInUseThatIsNoLongerLiveStopsTheStepBeforeAnyRegeneration() {
    store.set("long-gone");
    RotationException e = catchThrowableOfType(RotationException.class, () -> rotation().rotate());
    assertThat(e.outcome()).isEqualTo(Outcome.KEY_IN_USE_NOT_LIVE);
    assertThat(fake.requests(Operation.REGENERATE_API_KEY)).isEmpty();
    assertThat(e.getMessage()).doesNotContain("long-gone");
  }

  @Test
  void noKeyValueAppearsInMessagesOrResults() {
    fake.failNext(Operation.REGENERATE_API_KEY, Fault.responseLost());
    String text = rotation().rotate().toString();
    assertThat(text).doesNotContain(store.get()).doesNotContain("primary-0");
    for (RecordedCall c : fake.requests()) {
      assertThat(c.toString()).doesNotContain(store.get());
    }
  }
}
