package ai.spice.cloud.reliability;

import java.util.List;

/** A fuzzed response body and the key values it was built from (which must never show in an error). */
record FuzzCase(String body, List<String> secrets) {

    static FuzzCase of(String valid, List<JsonMutation> mutations, String... secrets) {
        String body = valid;
        for (JsonMutation mutation : mutations) {
            body = mutation.apply(body);
        }
        return new FuzzCase(body, List.of(secrets));
    }

    @Override
    public String toString() {
        return "FuzzCase[" + body.substring(0, Math.min(body.length(), 300)) + (body.length() > 300 ? "..." : "") + "]";
    }
}
