package ai.spice.cloud.reliability;

import static ai.spice.cloud.reliability.TestClients.MAX_RETRIES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Responses that arrive whole but are not what the spec promises. A 200 that cannot be decoded is a
 * SpiceCloudInvalidResponseException; it reached the server once and is not retried, since re-asking a
 * server that answers 200 with the wrong thing gives the same wrong thing. Secrets never show in the error.
 */
class MalformedResponseTest extends FaultServerFixture {
    private static final long APP = 99L;
    /** Generous ceiling for "bounded" excerpts and messages: far below the bodies these tests send. */
    private static final int MAX_VISIBLE_CHARS = 64 * 1024;
    private static final int MANY_MEGABYTES = 16 * 1024 * 1024;

    @Test
    void getReceivingAnHtml502PageRetriesThenThrowsInternalServerException() {
        server.otherwise(Bodies.html(502, Bodies.HTML_502));
        Timed<ApiKeys> call = Timed.call(this::get);
        InternalServerException e = call.threwExactly(InternalServerException.class);
        assertEquals(502, e.statusCode());
        assertTrue(e.bodyExcerpt().contains("502 Bad Gateway"), e.bodyExcerpt());
        assertEquals(MAX_RETRIES + 1, server.requestCount("GET"));
        call.endedWithin(TestClients.getDeadline(sleeper));
    }

    @Test
    void regenerateReceivingAnHtml502PageThrowsInternalServerExceptionAfterOneRequest() {
        server.otherwise(Bodies.html(502, Bodies.HTML_502));
        Timed<?> call = Timed.call(this::regenerate);
        assertEquals(502, call.threwExactly(InternalServerException.class).statusCode());
        assertOneRegenerationAndNoBackoff();
        call.endedWithin(TestClients.singleAttemptDeadline());
    }

    @Test
    void anHtmlPageServedWith200IsAnInvalidResponse() {
        server.otherwise(Bodies.html(200, Bodies.HTML_LOGIN));
        assertInvalid200(Timed.call(this::get));
        assertEquals(1, server.requestCount("GET"));
        assertInvalid200(Timed.call(this::regenerate));
        assertOneRegenerationAndNoBackoff();
    }

    @Test
    void truncatedJsonIsAnInvalidResponseAndLeaksNoKey() {
        server.otherwise(Reply.json(200, Bodies.API_KEYS.substring(0, Bodies.API_KEYS.length() - 8)));
        assertNoKeyVisible(assertInvalid200(Timed.call(this::get)));
        assertEquals(1, server.requestCount("GET"));
        server.otherwise(Reply.json(200, Bodies.REGENERATED.substring(0, Bodies.REGENERATED.length() - 3)));
        assertNoKeyVisible(assertInvalid200(Timed.call(this::regenerate)));
        assertOneRegenerationAndNoBackoff();
    }

    @Test
    void aJsonArrayWhereAnObjectBelongsIsAnInvalidResponse() {
        server.otherwise(Reply.json(200, "[" + Bodies.API_KEYS + "]"));
        assertNoKeyVisible(assertInvalid200(Timed.call(this::get)));
        server.otherwise(Reply.json(200, "[" + Bodies.REGENERATED + "]"));
        assertNoKeyVisible(assertInvalid200(Timed.call(this::regenerate)));
        assertOneRegenerationAndNoBackoff();
    }

    @Test
    void aJsonStringWhereAnObjectBelongsIsAnInvalidResponse() {
        server.otherwise(Reply.json(200, "\"" + Bodies.KEY_1 + "\""));
        assertNoKeyVisible(assertInvalid200(Timed.call(this::get)));
        assertNoKeyVisible(assertInvalid200(Timed.call(this::regenerate)));
        assertOneRegenerationAndNoBackoff();
    }

    @Test
    void aJsonNullBodyIsAnInvalidResponseNotANullResult() {
        server.otherwise(Reply.json(200, "null"));
        assertInvalid200(Timed.call(this::get));
        assertInvalid200(Timed.call(this::regenerate));
        assertOneRegenerationAndNoBackoff();
    }

    @Test
    void anEmpty200BodyIsAnInvalidResponse() {
        server.otherwise(Reply.json(200, ""));
        assertInvalid200(Timed.call(this::get));
        assertEquals(1, server.requestCount("GET"));
        assertInvalid200(Timed.call(this::regenerate));
        assertOneRegenerationAndNoBackoff();
    }

    /** A JSON body under another media type means something between us and the API rewrote it: not trusted. */
    @Test
    void validJsonUnderAWrongContentTypeIsAnInvalidResponse() {
        server.otherwise(Reply.status(200).body("text/plain", Bodies.API_KEYS.getBytes(StandardCharsets.UTF_8)));
        assertNoKeyVisible(assertInvalid200(Timed.call(this::get)));
        assertEquals(1, server.requestCount("GET"));
        server.otherwise(Reply.status(200).body("application/octet-stream", Bodies.REGENERATED.getBytes(StandardCharsets.UTF_8)));
        assertNoKeyVisible(assertInvalid200(Timed.call(this::regenerate)));
        assertOneRegenerationAndNoBackoff();
    }

    @Test
    void validJsonWithoutAnyContentTypeIsDecoded() {
        server.otherwise(Reply.status(200).rawBody(Bodies.API_KEYS.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Bodies.KEY_1, Timed.call(this::get).returned().getApiKey());
        server.otherwise(Reply.status(200).rawBody(Bodies.REGENERATED.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Bodies.KEY_2, Timed.call(this::regenerate).returned().getApiKey2());
    }

    @Test
    void aBinaryBodyLabelledJsonIsAnInvalidResponse() {
        server.otherwise(Reply.status(200)
                .body("application/json", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}));
        assertInvalid200(Timed.call(this::get));
        assertInvalid200(Timed.call(this::regenerate));
        assertOneRegenerationAndNoBackoff();
    }

    @Test
    void aManyMegabyteUndecodable200IsAnInvalidResponseWithABoundedExcerpt() {
        server.otherwise(Reply.status(200).body("application/json", Bodies.hugeUnterminatedJson(MANY_MEGABYTES)));
        Timed<ApiKeys> get = Timed.call(this::get);
        assertBounded(assertInvalid200(get));
        assertEquals(1, server.requestCount("GET"));
        get.endedWithin(TestClients.getDeadline(sleeper).plusSeconds(5));
        Timed<?> regenerate = Timed.call(this::regenerate);
        assertBounded(assertInvalid200(regenerate));
        assertOneRegenerationAndNoBackoff();
    }

    /** The API's answers are a few hundred bytes; a well-formed but huge one is refused, not buffered whole. */
    @Test
    void aValidButManyMegabyteJsonBodyIsAnInvalidResponseWithoutExposingTheKey() {
        String hugeKey = "sk-" + "k".repeat(4 * 1024 * 1024);
        server.otherwise(Reply.json(200, "{\"api_key\":\"" + hugeKey + "\",\"api_key_2\":null}"));
        Timed<ApiKeys> get = Timed.call(this::get);
        SpiceCloudInvalidResponseException e = assertInvalid200(get);
        assertBounded(e);
        assertNull(Secrets.leaked(e, List.of(hugeKey.substring(0, 64))), () -> "key prefix visible: " + e.bodyExcerpt());
        assertEquals(1, server.requestCount("GET"));
        get.endedWithin(TestClients.singleAttemptDeadline());
    }

    @Test
    void aManyMegabyte500PageGivesABoundedExcerpt() {
        server.otherwise(Reply.status(500).body("text/html", Bodies.hugeHtml(MANY_MEGABYTES)));
        Timed<ApiKeys> get = Timed.call(this::get);
        assertBounded(get.threwExactly(InternalServerException.class));
        assertEquals(MAX_RETRIES + 1, server.requestCount("GET"));
        Timed<?> regenerate = Timed.call(this::regenerate);
        assertBounded(regenerate.threwExactly(InternalServerException.class));
        assertEquals(1, server.requestCount("POST"));
        assertEquals(MAX_RETRIES, sleeper.sleeps().size(), "only the GET backed off");
    }

    @Test
    void unknownFieldsAndAnUnknownRegeneratedKeyValueAreTolerated() {
        // A value past every one the generated enum (so the merged document) lists, and a member no page names.
        int unlisted = Arrays.stream(ApiKeysRegenerated.RegeneratedKeyEnum.values())
            .filter(v -> v != ApiKeysRegenerated.RegeneratedKeyEnum.UNKNOWN_DEFAULT_OPEN_API)
            .mapToInt(ApiKeysRegenerated.RegeneratedKeyEnum::getValue).max().orElseThrow() + 1;
        server.otherwise(Reply.json(200, "{\"api_key\":null,\"api_key_2\":\"k2\",\"regenerated_key\":" + unlisted
            + ",\"x-spice-test-new-field\":{\"x\":[1]}}"));
        var result = Timed.call(this::regenerate).returned();
        assertNull(result.getApiKey());
        assertEquals("k2", result.getApiKey2());
        assertEquals("UNKNOWN_DEFAULT_OPEN_API", result.getRegeneratedKey().name());
    }

    private ApiKeys get() {
        return client.apiKeys().getApiKeys(APP);
    }

    private ApiKeysRegenerated regenerate() {
        return client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest());
    }

    private static SpiceCloudInvalidResponseException assertInvalid200(Timed<?> call) {
        SpiceCloudInvalidResponseException e = call.threwExactly(SpiceCloudInvalidResponseException.class);
        assertEquals(200, e.statusCode());
        assertNull(Secrets.leaked(e, List.of(TestClients.TOKEN)), "bearer token visible");
        return e;
    }

    private static void assertNoKeyVisible(Throwable e) {
        assertNull(Secrets.leaked(e, List.of(Bodies.KEY_1, Bodies.KEY_2, TestClients.TOKEN)),
                () -> "secret visible in " + Secrets.visibleTexts(e));
    }

    private static void assertBounded(Throwable e) {
        for (String text : Secrets.visibleTexts(e)) {
            assertTrue(text == null || text.length() <= MAX_VISIBLE_CHARS, "unbounded text of " + text.length() + " chars");
        }
    }

    private void assertOneRegenerationAndNoBackoff() {
        assertEquals(1, server.requestCount("POST"), "regenerations reaching the server");
        assertEquals(List.of(), sleeper.sleeps(), "backoffs");
    }
}
