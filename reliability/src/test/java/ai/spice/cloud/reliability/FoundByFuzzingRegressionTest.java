package ai.spice.cloud.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.spice.cloud.client.errors.BadRequestException;
import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.errors.UnexpectedStatusException;
import ai.spice.cloud.client.model.ApiKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs the fuzzers and fault tests found crashing or leaking, kept verbatim so they stay fixed. */
class FoundByFuzzingRegressionTest extends FaultServerFixture {
    private static final long APP = 1L;
    private static final String KEY = "sk-AAAAAAAAAAAAAAAA";

    /** Found: OkHttp parses a 503's Retry-After as an int and a raw NumberFormatException escaped the client. */
    @Test
    void retryAfterBeyondTheIntRangeOnA503IsNotARawNumberFormatException() {
        server.otherwise(Reply.json(503, "{}").header("Retry-After", "99999999999"));
        Timed<?> regenerate = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, null));
        assertEquals(503, regenerate.threwExactly(InternalServerException.class).statusCode());
        assertEquals(1, server.requestCount("POST"));
        Timed<ApiKeys> get = Timed.call(() -> client.apiKeys().getApiKeys(APP));
        assertEquals(503, get.threwExactly(InternalServerException.class).statusCode());
        assertEquals(TestClients.MAX_RETRIES + 1, server.requestCount("GET"));
    }

    /** Found: OkHttp turns a 407 without a configured proxy into a ProtocolException (an I/O error). */
    @Test
    void status407WithoutAProxyIsAnUnexpectedStatusException() {
        server.otherwise(Reply.json(407, "{\"error\":\"proxy auth\"}"));
        Timed<?> call = Timed.call(() -> client.apiKeys().regenerateApiKey(APP, null));
        assertEquals(407, call.threwExactly(UnexpectedStatusException.class).statusCode());
        assertEquals(1, server.requestCount("POST"));
    }

    /** Found: a member name broken by one stray quote hides the key from the redactor. */
    @Test
    void aMangledMemberNameDoesNotExposeTheKeyInTheExcerpt() {
        server.otherwise(Reply.json(200, "{\"a\"pi_key\":\"" + KEY + "\",\"api_key_2\":\"sk-BBBBBBBBBBBBBBBB\"}"));
        assertNoKey(Timed.call(() -> client.apiKeys().getApiKeys(APP)).threwExactly(SpiceCloudInvalidResponseException.class));
    }

    /** Found: a member name missing its opening quote hides the key from the redactor. */
    @Test
    void aMemberNameMissingItsOpeningQuoteDoesNotExposeTheKeyInTheExcerpt() {
        server.otherwise(Reply.json(200, "{api_key\":\"" + KEY + "\",\"api_key_2\":\"sk-BBBBBBBBBBBBBBBB\",\"regenerated_key\":0}"));
        assertNoKey(Timed.call(() -> client.apiKeys().regenerateApiKey(APP, null)).threwExactly(SpiceCloudInvalidResponseException.class));
    }

    /** Found: the same blind spot in the excerpt of an error response (any status). */
    @Test
    void aKeyInABrokenErrorBodyIsNotExposedInTheExcerpt() {
        server.otherwise(Reply.json(400, "{api_key\":\"" + KEY + "\",\"api_key_2\":\"sk-BBBBBBBBBBBBBBBB\"}"));
        assertNoKey(Timed.call(() -> client.apiKeys().regenerateApiKey(APP, null)).threwExactly(BadRequestException.class));
    }

    private static void assertNoKey(Throwable e) {
        assertNull(Secrets.leaked(e, List.of(KEY, "sk-BBBBBBBBBBBBBBBB", TestClients.TOKEN)),
                () -> "key visible in " + Secrets.visibleTexts(e));
    }
}
