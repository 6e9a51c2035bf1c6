package ai.spice.cloud.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.SpiceCloudSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The key_number contract as tooling reads it: swagger-parser over the document shipped in spice-cloud-spec.
 * It asserts what the document must say for this client to be right, not everything it says today: upstream may
 * add a key number or make another change that breaks no consumer (the gate judges those), and this stays green.
 */
class KeyNumberContractTest {
  private static OpenAPI api;

  @BeforeAll
  static void parse() throws IOException {
    String text;
    try (InputStream in = SpiceCloudSpec.open()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    assertThat(result.getMessages()).isNullOrEmpty();
    api = result.getOpenAPI();
    assertThat(api.getOpenapi()).startsWith("3.1.");
  }

  /** The api-keys path, whatever its parameter is named (a rename breaks no consumer). */
  private static PathItem item() {
    return api.getPaths().entrySet().stream().filter(e -> e.getKey().matches("/v1/apps/\\{[^}/]+}/api-keys"))
        .map(java.util.Map.Entry::getValue).findFirst().orElseThrow();
  }

  private static Schema<?> component(String name) {
    return api.getComponents().getSchemas().get(name);
  }

  private static Set<BigDecimal> enumValues(Schema<?> schema) {
    return schema.getEnum().stream().map(v -> new BigDecimal(v.toString())).collect(Collectors.toSet());
  }

  private static Set<String> types(Schema<?> schema) {
    // 3.1 documents carry "type" in the types set; 3.0-style readers fill getType().
    return schema.getTypes() != null ? schema.getTypes() : Set.of(schema.getType());
  }

  @Test
  void keyNumberIsAnIntegerEnumOfZeroOneAndTwoDefaultingToOne() {
    Schema<?> keyNumber = component("RegenerateApiKeyRequest").getProperties().get("key_number");
    assertThat(types(keyNumber)).containsExactly("integer");
    // 0 both, 1 primary, 2 secondary: the client's BOTH, PRIMARY and SECONDARY must stay valid requests.
    assertThat(enumValues(keyNumber)).contains(BigDecimal.valueOf(0), BigDecimal.valueOf(1), BigDecimal.valueOf(2));
    // An empty POST regenerates the primary key: the client's null body relies on it.
    assertThat(new BigDecimal(keyNumber.getDefault().toString())).isEqualByComparingTo(BigDecimal.ONE);
  }

  @Test
  void regeneratedKeyIsAnIntegerEnumOfTheSameValues() {
    Schema<?> regenerated = component("ApiKeysRegenerated").getProperties().get("regenerated_key");
    assertThat(types(regenerated)).containsExactly("integer");
    assertThat(enumValues(regenerated)).contains(BigDecimal.valueOf(0), BigDecimal.valueOf(1), BigDecimal.valueOf(2));
  }

  @Test
  void postTakesTheKeyNumberRequestAsAnOptionalBody() {
    Operation post = item().getPost();
    assertThat(post.getRequestBody().getRequired()).isNotEqualTo(Boolean.TRUE);
    assertThat(post.getRequestBody().getContent().get("application/json").getSchema().get$ref())
        .isEqualTo("#/components/schemas/RegenerateApiKeyRequest");
  }

  @Test
  void theAppIdIsARequiredIntegerPathParameterOfBothOperations() {
    for (Operation op : List.of(item().getGet(), item().getPost())) {
      List<Parameter> params = op.getParameters() != null ? op.getParameters() : item().getParameters();
      Parameter appId = params.stream().filter(p -> "path".equals(p.getIn())).findFirst().orElseThrow();
      assertThat(appId.getRequired()).isTrue();
      assertThat(types(appId.getSchema())).containsExactly("integer");
    }
  }

  @Test
  void whereTheOperationsAskForCredentialsTheyAreBearerTokens() {
    // The client sends a bearer token; a page that makes an operation public breaks nobody (the gate says so).
    for (Operation op : List.of(item().getGet(), item().getPost())) {
      List<SecurityRequirement> security = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
      for (SecurityRequirement requirement : security == null ? List.<SecurityRequirement>of() : security) {
        for (String name : requirement.keySet()) {
          SecurityScheme scheme = api.getComponents().getSecuritySchemes().get(name);
          assertThat(scheme.getType()).as(name).isEqualTo(SecurityScheme.Type.HTTP);
          assertThat(scheme.getScheme()).as(name).isEqualToIgnoringCase("bearer");
        }
      }
    }
  }
}
