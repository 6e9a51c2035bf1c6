package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SpiceCloudFakeExtension.class)
class OrganizationTest {
  @Test
  void withoutXOrgNameTheTokensOwnOrganizationIsUsed(SpiceCloudFake fake) {
    fake.organization("acme").app(42).name("checkout");
    fake.organization("globex").app(43).name("billing");
    fake.token("acme-ci", "*").organization("acme");
    Raw.Response apps = Raw.get(fake, "/v1/apps", Raw.bearer("acme-ci"));
    assertThat(apps.json().path("apps")).extracting(a -> a.path("name").asText()).containsExactly("checkout");
    assertThat(Raw.get(fake, "/v1/apps/43/api-keys", Raw.bearer("acme-ci")).status()).isEqualTo(404);
  }

  @Test
  void aBlankOrInvalidXOrgNameIsInvalidOrgAssertion(SpiceCloudFake fake) {
    for (String value : new String[] {"", " ", "acme corp", "acme/evil", "a:b"}) {
      Raw.Response r = Raw.get(fake, "/v1/apps", Raw.bearer(fake.defaultToken(), "X-Org-Name", value));
      assertThat(r.status()).as("'" + value + "'").isEqualTo(400);
      assertThat(r.code()).isEqualTo("invalid_org_assertion");
    }
  }

  @Test
  void aPinnedTokenNamingAnotherOrganizationIsOrgAssertionMismatch(SpiceCloudFake fake) {
    fake.organization("globex");
    Raw.Response r = Raw.get(fake, "/v1/apps", Raw.bearer(fake.defaultToken(), "X-Org-Name", "globex"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.code()).isEqualTo("org_assertion_mismatch");
    assertThat(Raw.get(fake, "/v1/apps", Raw.bearer(fake.defaultToken(), "X-Org-Name", "test-org")).status())
        .isEqualTo(200);
  }

  @Test
  void aTokenInSeveralOrganizationsSelectsOneWithXOrgName(SpiceCloudFake fake) {
    fake.organization("acme").app(42).name("checkout");
    fake.organization("globex").app(43).name("billing");
    fake.token("alice-pat", "*").organization("acme").alsoIn("globex");
    Raw.Response globex = Raw.get(fake, "/v1/apps", Raw.bearer("alice-pat", "X-Org-Name", "globex"));
    assertThat(globex.json().path("apps")).extracting(a -> a.path("id").asLong()).containsExactly(43L);
    assertThat(Raw.get(fake, "/v1/apps/43/api-keys", Raw.bearer("alice-pat", "X-Org-Name", "globex")).status())
        .isEqualTo(200);
    Raw.Response other = Raw.get(fake, "/v1/apps", Raw.bearer("alice-pat", "X-Org-Name", "initech"));
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.code()).isEqualTo("org_forbidden");
  }
}
