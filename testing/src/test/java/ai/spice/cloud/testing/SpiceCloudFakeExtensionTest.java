package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.client.SpiceCloudClient;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SpiceCloudFakeExtension.class)
@SpiceCloudFakeSeed("/seeds/acme.json")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpiceCloudFakeExtensionTest {
  private static final AtomicReference<SpiceCloudFake> FIRST = new AtomicReference<>();
  private SpiceCloudFake fromBeforeEach;

  @BeforeEach
  void seedInCode(SpiceCloudFake fake) {
    fromBeforeEach = fake;
    fake.app(1).apiKeys("before-each-primary", null);
  }

  @Test
  @Order(1)
  void theTestGetsTheFakeOfItsBeforeEachAndAClientPointedAtIt(SpiceCloudFake fake, SpiceCloudClient client) {
    assertThat(fake).isSameAs(fromBeforeEach);
    assertThat(client.apiKeys().getApiKeys(1L).getApiKey()).isEqualTo("before-each-primary");
    FIRST.set(fake);
  }

  @Test
  @Order(2)
  void eachTestGetsAFreshFakeAndTheLastOneIsClosed(SpiceCloudFake fake) {
    assertThat(fake).isNotSameAs(FIRST.get());
    assertThat(fake.requests()).isEmpty();
    assertThat(fake.isLiveKey(7, "any")).isFalse(); // the method-level seed of the first test is not here
    java.util.concurrent.CompletableFuture<Integer> status = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return Raw.get(FIRST.get(), "/v1/health").status();
      } catch (RuntimeException e) {
        return -1;
      }
    });
    assertThat(status.join()).isEqualTo(-1);
  }

  @Test
  @Order(3)
  void theClassSeedAndTheBeforeEachSeedAreBothApplied(SpiceCloudFake fake) {
    assertThat(fake.isLiveKey(42, "acme-primary")).isTrue();
    assertThat(Raw.get(fake, "/v1/apps", Raw.bearer("acme-ci")).json().path("apps")).hasSize(1);
    assertThat(fake.isLiveKey(1, "before-each-primary")).isTrue();
  }

  @AfterAll
  static void forget() {
    FIRST.set(null);
  }

  /** The method annotation adds to the class one. */
  @Test
  @Order(1)
  @SpiceCloudFakeSeed("method-seed.json")
  void methodSeed(SpiceCloudFake fake) {
    assertThat(fake.isLiveKey(7, "method-primary")).isTrue();
    assertThat(fake.isLiveKey(42, "acme-primary")).isTrue();
  }
}
