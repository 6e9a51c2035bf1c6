package ai.spice.cloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SpiceCloudFakeExtension.class)
class ListOperationsTest {
  @Test
  void appsListEveryDocumentedFieldOfTheOrganizationsApps(SpiceCloudFake fake) {
    fake.app(7).name("checkout").description("pays").visibility("public").region("us-west-2").clusterId("c-1")
        .tag("team", "payments").createdAt(Instant.parse("2026-01-02T03:04:05Z"));
    fake.app(3);
    JsonNode apps = Raw.get(fake, "/v1/apps", Raw.bearer(fake.defaultToken())).json().path("apps");
    assertThat(apps).extracting(a -> a.path("id").asLong()).containsExactly(3L, 7L);
    JsonNode app = apps.get(1);
    assertThat(app.path("name").asText()).isEqualTo("checkout");
    assertThat(app.path("description").asText()).isEqualTo("pays");
    assertThat(app.path("visibility").asText()).isEqualTo("public");
    assertThat(app.path("cname").asText()).isEqualTo("us-west-2");
    assertThat(app.path("cluster_id").asText()).isEqualTo("c-1");
    assertThat(app.path("tags").path("team").asText()).isEqualTo("payments");
    assertThat(app.path("created_at").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(apps.get(0).path("description").isNull()).isTrue();
  }

  @Test
  void secretValuesAreAlwaysAsterisks(SpiceCloudFake fake) {
    fake.app(42).secret("DB_PASSWORD", "hunter2").secret("API_TOKEN", "tok-123");
    Raw.Response r = Raw.get(fake, "/v1/apps/42/secrets", Raw.bearer(fake.defaultToken()));
    assertThat(r.body()).doesNotContain("hunter2").doesNotContain("tok-123");
    JsonNode secrets = r.json().path("secrets");
    assertThat(secrets).extracting(s -> s.path("name").asText()).containsExactly("DB_PASSWORD", "API_TOKEN");
    assertThat(secrets).allSatisfy(s -> assertThat(s.path("value").asText()).matches("\\*+"));
    assertThat(secrets.get(0).path("id").asLong()).isNotEqualTo(secrets.get(1).path("id").asLong());
  }

  @Test
  void secretsOfAnUnknownAppAreNotFound(SpiceCloudFake fake) {
    assertThat(Raw.get(fake, "/v1/apps/5/secrets", Raw.bearer(fake.defaultToken())).status()).isEqualTo(404);
    assertThat(Raw.get(fake, "/v1/apps/x/secrets", Raw.bearer(fake.defaultToken())).status()).isEqualTo(400);
  }

  @Test
  void membersAreThoseOfTheOrganization(SpiceCloudFake fake) {
    fake.organization().member(1, "alice").roles("admin").owner(true);
    fake.organization().member(2, "bob");
    fake.organization("globex").member(3, "carol");
    JsonNode members = Raw.get(fake, "/v1/members", Raw.bearer(fake.defaultToken())).json().path("members");
    assertThat(members).extracting(m -> m.path("username").asText()).containsExactly("alice", "bob");
    assertThat(members.get(0).path("is_owner").asBoolean()).isTrue();
    assertThat(members.get(0).path("roles").get(0).asText()).isEqualTo("admin");
  }

  @Test
  void regionsStartWithADefaultAndCanBeReseeded(SpiceCloudFake fake) {
    JsonNode body = Raw.get(fake, "/v1/regions", Raw.bearer(fake.defaultToken())).json();
    assertThat(body.path("default").asText()).isEqualTo("us-east-2");
    assertThat(body.path("regions")).anySatisfy(r -> {
      assertThat(r.path("region").asText()).isEqualTo("us-east-2");
      assertThat(r.path("providerName").asText()).isEqualTo("AWS");
      assertThat(r.path("isDefault").asBoolean()).isTrue();
    });
    fake.clearRegions().region("tsw-1").name("Teraswitch 1").provider("teraswitch").makeDefault();
    body = Raw.get(fake, "/v1/regions", Raw.bearer(fake.defaultToken())).json();
    assertThat(body.path("regions")).hasSize(1);
    assertThat(body.path("regions").get(0).path("providerName").asText()).isEqualTo("Teraswitch");
    assertThat(body.path("default").asText()).isEqualTo("tsw-1");
  }

  @Test
  void healthSaysHealthyWithATimestamp(SpiceCloudFake fake) {
    JsonNode body = Raw.get(fake, "/v1/health").json();
    assertThat(body.path("status").asText()).isEqualTo("healthy");
    assertThat(Instant.parse(body.path("timestamp").asText())).isNotNull();
  }

  @Test
  void pathsAndMethodsTheDocumentDoesNotDescribeAreNotServed(SpiceCloudFake fake) {
    fake.app(42);
    Raw.Response unknown = Raw.get(fake, "/v1/apps/42/x-spice-test-undocumented", Raw.bearer(fake.defaultToken()));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("not_found");
    // A method the merged document does not give the keys' path, whichever ones upstream adds to it.
    String keys = Operation.GET_API_KEYS.pathTemplate();
    JsonNode item = OpenApiDocs.current().path("paths").path(keys);
    String method = Stream.of("delete", "put", "patch").filter(m -> !item.has(m)).findFirst().orElseThrow()
        .toUpperCase(Locale.ROOT);
    Raw.Response refused = Raw.send(fake, method, "/v1/apps/42/api-keys", null, Raw.bearer(fake.defaultToken()));
    assertThat(refused.status()).as(method).isEqualTo(405);
    assertThat(refused.raw().headers().firstValue("Allow")).hasValue(Stream.of(Operation.values())
        .filter(o -> o.pathTemplate().equals(keys)).map(Operation::method).collect(Collectors.joining(", ")));
    assertThat(fake.requests().get(fake.requests().size() - 1).undocumented()).isPresent();
  }
}
