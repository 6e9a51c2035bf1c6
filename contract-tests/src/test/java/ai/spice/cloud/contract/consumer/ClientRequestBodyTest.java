package ai.spice.cloud.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.api.ApiKeysApi;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;
import ai.spice.cloud.spec.OpenApiDocs;
import ai.spice.cloud.spec.tool.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client agrees with the document: what it really puts on the wire (captured by a loopback server) validates
 * against RegenerateApiKeyRequest, enums travel as integers, and a default request carries key_number 1.
 */
class ClientRequestBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REQUEST_SCHEMA = "/components/schemas/RegenerateApiKeyRequest";
  private static final String REPLY = "{\"api_key\":\"a\",\"api_key_2\":\"b\",\"regenerated_key\":1}";

  private final ObjectNode document = OpenApiDocs.current();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ApiKeysApi api;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] reply = REPLY.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, reply.length);
      exchange.getResponseBody().write(reply);
      exchange.close();
    });
    server.start();
    api = SpiceCloudClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .bearerToken("test-token").maxRetries(0).build().apiKeys();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private JsonNode sent(RegenerateApiKeyRequest request) throws IOException {
    api.regenerateApiKey(42L, request);
    assertThat(bodies).hasSize(1);
    return JSON.readTree(bodies.get(0));
  }

  @ParameterizedTest(name = "{0} travels as the integer {1}")
  @CsvSource({"BOTH, 0", "PRIMARY, 1", "SECONDARY, 2"})
  void everyKeyNumberIsSentAsAValidInteger(KeyNumberEnum key, int wire) throws IOException {
    JsonNode body = sent(new RegenerateApiKeyRequest().keyNumber(key));
    assertThat(body.path("key_number").isIntegralNumber()).as(body.toString()).isTrue();
    assertThat(body.path("key_number").intValue()).isEqualTo(wire);
    assertThat(new SchemaValidator(document).validateAt(REQUEST_SCHEMA, body)).isEmpty();
  }

  @Test
  void aFreshRequestLeavesKeyNumberToTheDocumentedDefaultOfOne() throws IOException {
    // The client sends only what its caller set: an empty object, which the server reads as its default.
    JsonNode body = sent(new RegenerateApiKeyRequest());
    assertThat(body).isEqualTo(JSON.createObjectNode());
    assertThat(new SchemaValidator(document).validateAt(REQUEST_SCHEMA, body)).isEmpty();
    assertThat(document.at(REQUEST_SCHEMA + "/properties/key_number/default").intValue()).isEqualTo(1);
  }

  @Test
  void aNullRequestSendsNoBodyAtAll() {
    api.regenerateApiKey(42L, null);
    assertThat(bodies).containsExactly("");
  }

  @Test
  void theSchemaCheckRejectsWhatTheClientMustNeverSend() {
    // Guards this test class: the same validation would catch a string or an out-of-range key number.
    SchemaValidator validator = new SchemaValidator(document);
    assertThat(validator.validateAt(REQUEST_SCHEMA, JSON.createObjectNode().put("key_number", "1"))).isNotEmpty();
    int outside = 1;
    for (JsonNode v : document.at(REQUEST_SCHEMA + "/properties/key_number/enum")) {
      outside = Math.max(outside, v.intValue() + 1);
    }
    assertThat(validator.validateAt(REQUEST_SCHEMA, JSON.createObjectNode().put("key_number", outside))).isNotEmpty();
  }
}
