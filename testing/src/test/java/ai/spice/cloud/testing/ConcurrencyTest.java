package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SpiceCloudFakeExtension.class)
class ConcurrencyTest {
  @Test
  @Timeout(60)
  void concurrentRegenerationsEachReplaceTheKeyOnceAndExactlyOneValueSurvives(SpiceCloudFake fake,
      SpiceCloudClient client) throws Exception {
    fake.app(42).apiKeys("start-primary", "start-secondary");
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<String>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          ApiKeysRegenerated r = client.apiKeys().regenerateApiKey(42L,
              new RegenerateApiKeyRequest().keyNumber(KeyNumberEnum.PRIMARY));
          assertThat(r.getApiKey2()).isEqualTo("start-secondary");
          issued.add(r.getApiKey());
          fake.app(7 + i % 3); // seeding while serving
        }
        return issued;
      }));
    }
    Set<String> all = new HashSet<>();
    for (Future<List<String>> f : futures) {
      all.addAll(f.get());
    }
    pool.shutdown();
    assertThat(all).hasSize(threads * perThread); // every regeneration issued a new value
    assertThat(all.stream().filter(k -> fake.isLiveKey(42, k))).hasSize(1); // only the last one is live
    assertThat(fake.requests(Operation.REGENERATE_API_KEY)).hasSize(threads * perThread);
  }
}
