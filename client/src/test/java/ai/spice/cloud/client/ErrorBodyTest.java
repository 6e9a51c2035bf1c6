package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.spice.cloud.client.errors.BadRequestException;
import ai.spice.cloud.client.errors.ForbiddenException;
import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The API's error body {"error": "...", "code": "...", "details": {...}} read into errorMessage() and errorCode(). */
class ErrorBodyTest extends ServerTest {

  private SpiceCloudServiceException failure(MockResponse response) {
    server.enqueue(response);
    return catchThrowableOfType(SpiceCloudServiceException.class,
        () -> clientBuilder().maxRetries(0).build().apiKeys().regenerateApiKey(1L, null));
  }

  @Test
  void anAuthorizationRefusalExposesItsMessageAndCode() {
    SpiceCloudServiceException e = failure(json(403,
        "{\"error\":\"Insufficient scope\",\"code\":\"insufficient_scope\",\"details\":{\"required\":\"apps:write\"}}"));

    assertThat(e).isInstanceOf(ForbiddenException.class);
    assertThat(e.errorMessage()).contains("Insufficient scope");
    assertThat(e.errorCode()).contains("insufficient_scope");
  }

  @Test
  void aServerThatSendsMessageInsteadOfErrorIsReadToo() {
    SpiceCloudServiceException e = failure(json(400,
        "{\"message\":\"Invalid key_number\",\"details\":{\"fieldErrors\":{\"key_number\":[\"bad\"]},\"formErrors\":[]}}"));

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.errorMessage()).contains("Invalid key_number");
    assertThat(e.errorCode()).isEmpty();
  }

  @Test
  void theErrorMessageIsRedactedAndBounded() {
    SpiceCloudServiceException e = failure(json(401,
        "{\"error\":\"token " + TOKEN + " rejected; " + "x".repeat(5000) + "\",\"code\":\"invalid_token\"}"));

    assertThat(e.errorMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("token *** rejected")
        .doesNotContain(TOKEN).hasSizeLessThanOrEqualTo(513));
  }

  @ParameterizedTest(name = "body: {0}")
  @ValueSource(strings = {"", "<html>502 Bad Gateway</html>", "[\"error\"]", "\"error\"", "{\"error\":{\"nested\":1}}",
      "{\"detail\":\"other shape\"}", "{\"error\":", "null"})
  void anyOtherBodyLeavesThemEmpty(String body) {
    SpiceCloudServiceException e = failure(json(500, body));

    assertThat(e).isInstanceOf(InternalServerException.class);
    assertThat(e.errorMessage()).isEmpty();
    assertThat(e.errorCode()).isEmpty();
  }

  @Test
  void eachTypeHasItsStatusWhateverBuiltIt() {
    SpiceCloudServiceException e = SpiceCloudServiceException.forStatus(404, "GET", "/v1/apps/1/secrets",
        java.util.Map.of(), "", null, null, null);

    assertThat(e).isInstanceOf(ai.spice.cloud.client.errors.NotFoundException.class);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.getMessage()).isEqualTo("GET /v1/apps/1/secrets failed with HTTP 404");
  }
}
