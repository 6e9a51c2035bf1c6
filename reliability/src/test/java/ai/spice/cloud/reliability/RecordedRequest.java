package ai.spice.cloud.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One request as the fault server read it off the socket (System.nanoTime() on arrival). Header names are lower-cased. */
record RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body, long receivedNanos) {

    Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
