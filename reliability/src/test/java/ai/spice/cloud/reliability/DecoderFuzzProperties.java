package ai.spice.cloud.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.errors.BadRequestException;
import ai.spice.cloud.client.errors.ForbiddenException;
import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.NotFoundException;
import ai.spice.cloud.client.errors.RateLimitException;
import ai.spice.cloud.client.errors.SpiceCloudException;
import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import ai.spice.cloud.client.errors.UnauthorizedException;
import ai.spice.cloud.client.errors.UnexpectedStatusException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the response decoding of both operations through the real client and a real HTTP response: arbitrary
 * bytes and mutated valid JSON served as 200. Only the documented SpiceCloudException family may come out
 * (never an NPE, ClassCastException or hang), and no secret shows in any message. Tries are bounded so the
 * run stays in tens of seconds; a failure prints the seed and the shrunk body to turn into a regression test.
 */
class DecoderFuzzProperties {
    /** A decoder that takes this long on a tiny body is hung. */
    private static final Duration HANG = Duration.ofSeconds(5);
    private static final long APP = 1L;
    private static FaultServer server;
    private static SpiceCloudClient client;

    @BeforeContainer
    static void start() throws IOException {
        server = FaultServer.start();
        client = TestClients.builder(server.baseUrl(), duration -> { })
                .readTimeout(Duration.ofSeconds(2))
                .build();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 600)
    void arbitraryBytesAs200NeverEscapeTheDocumentedExceptionsFromGetApiKeys(
            @ForAll("bodies") byte[] body, @ForAll("contentTypes") String contentType) {
        serve(Reply.status(200).body(contentType, body));
        checkOutcome(() -> client.apiKeys().getApiKeys(APP), List.of());
    }

    @Property(tries = 600)
    void arbitraryBytesAs200NeverEscapeTheDocumentedExceptionsFromRegenerateApiKey(
            @ForAll("bodies") byte[] body, @ForAll("contentTypes") String contentType) {
        serve(Reply.status(200).body(contentType, body));
        checkOutcome(() -> client.apiKeys().regenerateApiKey(APP, new RegenerateApiKeyRequest()), List.of());
    }

    @Property(tries = 1000)
    void mutatedApiKeysJsonDecodesOrFailsCleanlyWithoutLeakingKeys(@ForAll("mutatedApiKeys") FuzzCase fuzz) {
        serve(Reply.json(200, fuzz.body()));
        checkOutcome(() -> client.apiKeys().getApiKeys(APP), fuzz.secrets());
    }

    @Property(tries = 1000)
    void mutatedRegeneratedJsonDecodesOrFailsCleanlyWithoutLeakingKeys(@ForAll("mutatedRegenerated") FuzzCase fuzz) {
        serve(Reply.json(200, fuzz.body()));
        checkOutcome(() -> client.apiKeys().regenerateApiKey(APP, null), fuzz.secrets());
    }

    /** Error bodies are decoded too (into the excerpt): any status with any body maps onto the documented type. */
    @Property(tries = 300)
    void anyErrorStatusWithAnyBodyMapsToItsDocumentedType(
            @ForAll("errorStatuses") int status, @ForAll("mutatedApiKeys") FuzzCase fuzz) {
        serve(Reply.json(status, fuzz.body()));
        Throwable thrown = checkOutcome(() -> client.apiKeys().regenerateApiKey(APP, null), fuzz.secrets());
        assertNotNull(thrown, "status " + status + " returned a value");
        assertEquals(expectedType(status), thrown.getClass());
        assertEquals(status, ((SpiceCloudServiceException) thrown).statusCode());
    }

    static Class<?> expectedType(int status) {
        return switch (status) {
            case 400 -> BadRequestException.class;
            case 401 -> UnauthorizedException.class;
            case 403 -> ForbiddenException.class;
            case 404 -> NotFoundException.class;
            case 429 -> RateLimitException.class;
            default -> status >= 500 ? InternalServerException.class : UnexpectedStatusException.class;
        };
    }

    private static void serve(Reply reply) {
        server.otherwise(reply);
    }

    /**
     * Runs the call and checks the outcome: a non-null value, or a SpiceCloudException (for a 200, exactly an
     * invalid-response one) that shows no secret. Returns what was thrown, or null.
     */
    static Throwable checkOutcome(Supplier<?> call, List<String> secrets) {
        Throwable thrown = assertTimeoutPreemptively(HANG, () -> {
            try {
                Object value = call.get();
                assertNotNull(value, "a 200 decoded to null");
                value.toString();
                return null;
            } catch (SpiceCloudException e) {
                return e;
            } catch (RuntimeException e) {
                throw new AssertionError("undocumented exception escaped the client: " + e, e);
            }
        });
        if (thrown == null) {
            return null;
        }
        if (thrown instanceof SpiceCloudServiceException service && service.statusCode() != 200) {
            checkSecrets(thrown, secrets);
            return thrown;
        }
        if (!(thrown instanceof SpiceCloudInvalidResponseException)) {
            throw new AssertionError("unexpected " + thrown.getClass().getName() + ": " + thrown.getMessage(), thrown);
        }
        checkSecrets(thrown, secrets);
        return thrown;
    }

    private static void checkSecrets(Throwable thrown, List<String> secrets) {
        List<String> all = new ArrayList<>(secrets);
        all.add(TestClients.TOKEN);
        String leaked = Secrets.leaked(thrown, all);
        assertNull(leaked, () -> "secret " + leaked + " visible in " + Secrets.visibleTexts(thrown));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "text/html", "text/plain",
                "application/octet-stream", "application/problem+json");
    }

    @Provide
    Arbitrary<Integer> errorStatuses() {
        // 407 has its own regression test (FoundByFuzzingRegressionTest); here it would mask other findings.
        return Arbitraries.oneOf(Arbitraries.of(400, 401, 403, 404, 408, 409, 418, 422, 429, 500, 502, 503, 504),
                Arbitraries.integers().between(400, 599).filter(status -> status != 407));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(512);
        Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.eE+-tfnrulasx\\ \t\n")
                .ofMaxLength(256).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, raw), net.jqwik.api.Tuple.of(1, jsonish));
    }

    @Provide
    Arbitrary<FuzzCase> mutatedApiKeys() {
        return Combinators.combine(secret(), secret(), JsonMutation.arbitrary().list().ofMaxSize(4))
                .as((k1, k2, mutations) -> FuzzCase.of(
                        "{\"api_key\":\"" + k1 + "\",\"api_key_2\":\"" + k2 + "\"}", mutations, k1, k2));
    }

    @Provide
    Arbitrary<FuzzCase> mutatedRegenerated() {
        return Combinators.combine(secret(), secret(), Arbitraries.of("0", "1", "2", "7", "-1", "null", "\"1\"",
                        "1.5", "true", "9999999999999", "[]", "{}"), JsonMutation.arbitrary().list().ofMaxSize(4))
                .as((k1, k2, which, mutations) -> FuzzCase.of("{\"api_key\":\"" + k1 + "\",\"api_key_2\":\"" + k2
                        + "\",\"regenerated_key\":" + which + "}", mutations, k1, k2));
    }

    private static Arbitrary<String> secret() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(16).ofMaxLength(24).map(s -> "sk-" + s);
    }
}
