package ai.spice.cloud.contract.pact;

import static ai.spice.cloud.spec.compat.TestDocs.PATH_PTR;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.compat.TestDocs;
import ai.spice.cloud.spec.conformance.ConformanceChecker;
import ai.spice.cloud.spec.conformance.Interaction;
import ai.spice.cloud.spec.conformance.Violation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Proof the checker bites: every negative fixture is rejected with a precise message and pointer. */
class ConformanceCheckerTest {
  private static final String GET = PATH_PTR + "/get";
  private static final String POST = PATH_PTR + "/post";

  static Path fixture(String name) {
    try {
      return Path.of(Objects.requireNonNull(ConformanceCheckerTest.class.getResource("/pacts/" + name)).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Violation> check(ObjectNode document, String fixture) {
    return new ConformanceChecker(document).check(PactFile.read(fixture(fixture)).interactions());
  }

  /**
   * The released schemas list no required properties and allow additional ones, so two fixtures need a
   * test-only variant of the document that has them; the checker must bite there.
   */
  static ObjectNode strictDocument() {
    return TestDocs.edited(d -> TestDocs.schema(d, "ApiKeys").put("additionalProperties", false)
        .putArray("required").add("api_key").add("api_key_2"));
  }

  @Test
  void validInteractionsIncludingNullKeysAndNegativeContractsPass() {
    PactFile pact = PactFile.read(fixture("valid/valid.json"));
    assertThat(pact.interactions()).hasSize(6);
    assertThat(new ConformanceChecker(TestDocs.baseline()).check(pact.interactions())).isEmpty();
    assertThat(new ConformanceChecker(strictDocument()).check(pact.interactions())).isEmpty();
  }

  static Stream<Arguments> negatives() {
    String keysSchema = GET + "/responses/200/content/application~1json/schema";
    String regenSchema = POST + "/responses/200/content/application~1json/schema";
    String requestSchema = POST + "/requestBody/content/application~1json/schema";
    return Stream.of(
        Arguments.of("undocumented-status.json", "undocumented status 418 for GET /v1/apps/{appId}/api-keys"
            + " (documented: [200, 400, 401, 403, 404, 500])", GET + "/responses"),
        Arguments.of("unknown-path.json", "unknown path: GET /v1/apps/42/keys matches no path of the document",
            "/paths"),
        Arguments.of("method-not-documented.json", "method not documented: DELETE /v1/apps/{appId}/api-keys"
            + " (documented: [GET, POST])", PATH_PTR),
        Arguments.of("wrong-enum-value.json", "response body is invalid: /regenerated_key: does not have a value in"
            + " the enumeration [0, 1, 2]", regenSchema),
        Arguments.of("wrong-type-path-param.json", "path parameter appId=abc is invalid: (root): string found, integer"
            + " expected", GET + "/parameters/0/schema"),
        Arguments.of("wrong-type-response.json", "response body is invalid: /api_key: integer found, [string, null]"
            + " expected", keysSchema),
        Arguments.of("wrong-type-request-body.json", "request body is invalid: /key_number: string found, integer"
            + " expected", requestSchema),
        Arguments.of("wrong-enum-request-body.json", "request body is invalid: /key_number: does not have a value in"
            + " the enumeration [0, 1, 2]", requestSchema),
        Arguments.of("missing-authorization.json", "missing credentials: Authorization: Bearer <token> (BearerAuth)"
            + " (only a 401 response may document a request without them)", "/security"),
        Arguments.of("non-bearer-authorization.json", "missing credentials: Authorization: Bearer <token>"
            + " (BearerAuth)", "/security"),
        Arguments.of("undocumented-error-body.json", "response 404 has a body but the document declares no content"
            + " for it", GET + "/responses/404"),
        Arguments.of("missing-response-body.json", "response 200 is documented with a body [application/json] but"
            + " the interaction has none", GET + "/responses/200/content"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negatives")
  void negativeFixtureIsRejectedPrecisely(String fixture, String message, String pointer) {
    List<Violation> violations = check(TestDocs.baseline(), "negative/" + fixture);
    assertThat(violations).as(violations.toString()).isNotEmpty()
        .allSatisfy(v -> assertThat(v.interaction()).startsWith(fixture + ": '"))
        .anySatisfy(v -> {
          assertThat(v.message()).startsWith(message);
          assertThat(v.pointer()).isEqualTo(pointer);
        });
  }

  @Test
  void missingRequiredPropertyIsRejectedWhereTheSchemaRequiresIt() {
    // The released ApiKeys requires nothing, so the same body is valid there...
    assertThat(check(TestDocs.baseline(), "negative/missing-required-property.json")).isEmpty();
    // ...and rejected as soon as the schema requires the property.
    List<Violation> violations = check(strictDocument(), "negative/missing-required-property.json");
    assertThat(violations).extracting(Violation::toString).containsExactly(
        "missing-required-property.json: 'secondary key missing': response body is invalid: (root): required property"
            + " 'api_key_2' not found [" + GET + "/responses/200/content/application~1json/schema]");
  }

  @Test
  void extraPropertyIsRejectedWhereTheSchemaForbidsIt() {
    assertThat(check(TestDocs.baseline(), "negative/extra-property.json")).isEmpty();
    List<Violation> violations = check(strictDocument(), "negative/extra-property.json");
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.message()).isEqualTo("response body is invalid: (root): property 'api_key_3' is not defined in the"
          + " schema and the schema does not allow additional properties");
      assertThat(v.pointer()).isEqualTo(GET + "/responses/200/content/application~1json/schema");
    });
  }

  @Test
  void invalidRequestIsAContractOnlyWhenAnswered400() {
    // wrong-enum-request-body is answered 200: rejected above. The valid fixture carries the same body
    // answered 400 and passes; the request problem is tolerated for that status only.
    PactFile pact = PactFile.read(fixture("valid/valid.json"));
    Interaction refused = pact.interactions().stream().filter(i -> i.status() == 400).findFirst().orElseThrow();
    assertThat(refused.requestBody().path("key_number").asInt()).isEqualTo(7);
    assertThat(new ConformanceChecker(TestDocs.baseline()).check(refused)).isEmpty();
  }

  @Test
  void everyNegativeFixtureIsExercised() {
    long fixtures = Stream.of(Objects.requireNonNull(fixture("negative").toFile().list())).count();
    assertThat(fixtures).isEqualTo(negatives().count() + 2);
  }
}
