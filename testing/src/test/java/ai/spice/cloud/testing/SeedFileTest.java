package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFileTest {
  private static void seed(SpiceCloudFake fake, String json) {
    fake.seed(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "seed.json");
  }

  @Test
  void aSeedFileCreatesOrganizationsAppsTokensAndRegions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("seed.json");
    Files.copy(SeedFileTest.class.getResourceAsStream("/seeds/acme.json"), file);
    try (SpiceCloudFake fake = SpiceCloudFake.builder().seed(file).start()) {
      assertThat(fake.isLiveKey(42, "acme-primary")).isTrue();
      assertThat(Raw.get(fake, "/v1/apps/42/api-keys", Raw.bearer("acme-ci")).json().path("api_key_2").asText())
          .isEqualTo("acme-secondary");
      assertThat(Raw.get(fake, "/v1/apps/42/secrets", Raw.bearer("acme-ci")).status()).isEqualTo(403);
      assertThat(Raw.get(fake, "/v1/regions", Raw.bearer("acme-ci")).json().path("default").asText())
          .isEqualTo("eu-west-1");
      assertThat(Raw.get(fake, "/v1/members", Raw.bearer(fake.defaultToken(), "X-Org-Name", "test-org"))
          .json().path("members")).isEmpty();
    }
  }

  @Test
  void anAppWithoutKeysGetsTwoFreshOnes() {
    try (SpiceCloudFake fake = SpiceCloudFake.start()) {
      seed(fake, "{\"organizations\":[{\"name\":\"test-org\",\"apps\":[{\"id\":5}]}]}");
      var keys = Raw.get(fake, "/v1/apps/5/api-keys", Raw.bearer(fake.defaultToken())).json();
      assertThat(keys.path("api_key").asText()).isNotBlank();
      assertThat(keys.path("api_key_2").asText()).isNotBlank().isNotEqualTo(keys.path("api_key").asText());
    }
  }

  @Test
  void errorsNameTheJsonPointerOfTheOffendingEntry() {
    try (SpiceCloudFake fake = SpiceCloudFake.start()) {
      assertThatThrownBy(() -> seed(fake, "{\"organizations\":[{\"name\":\"a\",\"apps\":[{\"id\":1,\"colour\":1}]}]}"))
          .hasMessage("seed.json: /organizations/0/apps/0/colour unknown field (known: [api_key, api_key_2, cluster_id,"
              + " cname, created_at, description, id, name, secrets, tags, visibility])");
      assertThatThrownBy(() -> seed(fake, "{\"organizations\":[{\"name\":\"a\",\"apps\":[{\"id\":-3}]}]}"))
          .hasMessage("seed.json: /organizations/0/apps/0/id must be a positive integer");
      assertThatThrownBy(() -> seed(fake, "{\"tokens\":[{\"token\":\"t\",\"scopes\":[\"apps:admin\"]}]}"))
          .hasMessageStartingWith("seed.json: /tokens/0/scopes unknown scope 'apps:admin'");
      assertThatThrownBy(() -> seed(fake, "{\"organizations\":[{\"name\":\"bad name\"}]}"))
          .hasMessageStartingWith("seed.json: ").hasMessageContaining("organization name");
      assertThatThrownBy(() -> seed(fake, "{\"tokens\":{}}"))
          .hasMessage("seed.json: /tokens must be an array");
      assertThatThrownBy(() -> seed(fake, "[]")).hasMessage("seed.json: (root) must be an object");
      assertThatThrownBy(() -> seed(fake, "{")).hasMessageStartingWith("seed.json: not valid JSON");
    }
  }

  @Test
  void anAppIdOfAnotherOrganizationIsRefused() {
    try (SpiceCloudFake fake = SpiceCloudFake.start()) {
      fake.organization("acme").app(1);
      assertThatThrownBy(() -> seed(fake, "{\"organizations\":[{\"name\":\"globex\",\"apps\":[{\"id\":1}]}]}"))
          .hasMessage("seed.json: /organizations/0/apps/0/id app 1 belongs to organization acme");
    }
  }
}
