package ai.spice.cloud.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** One edit of a JSON text at a position: the mutations a broken proxy, a truncation or a bad server produce. */
record JsonMutation(Kind kind, int position, String token) {

    enum Kind { TRUNCATE, DELETE, INSERT, REPLACE_VALUE, FLIP_BYTE, DUPLICATE }

    /** Fragments that stress a JSON decoder: structure, literals, number and depth limits, escapes. */
    private static final String[] TOKENS = {
        "{", "}", "[", "]", "\"", ",", ":", "null", "true", "false", "-0", "1e309", "-1e999",
        "99999999999999999999999999", "\\u0000", "\\ud800", "\\", "\u00e9", "\uFFFF", "0x10", "NaN", "Infinity",
        "[]", "{}", "{\"api_key\":{}}", "\"api_key\":[1,2]", "\"regenerated_key\":\"BOTH\"", "\"regenerated_key\":1e2",
        "1".repeat(2_000), "[".repeat(3_000), "{\"a\":".repeat(1_500), "\"" + "x".repeat(10_000) + "\"",
        "/* c */", "\n", "\t", " "
    };

    static Arbitrary<JsonMutation> arbitrary() {
        return Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.of(TOKENS))
                .as(JsonMutation::new);
    }

    String apply(String json) {
        int at = json.isEmpty() ? 0 : position % (json.length() + 1);
        return switch (kind) {
            case TRUNCATE -> json.substring(0, at);
            case DELETE -> at < json.length() ? json.substring(0, at) + json.substring(at + 1) : json;
            case INSERT -> json.substring(0, at) + token + json.substring(at);
            case REPLACE_VALUE -> replaceValueAt(json, at);
            case FLIP_BYTE -> at < json.length()
                    ? json.substring(0, at) + (char) (json.charAt(at) ^ (1 << (position % 7))) + json.substring(at + 1)
                    : json;
            case DUPLICATE -> json + json;
        };
    }

    /** Replaces the value after the first ':' at or after {@code at} with the token. */
    private String replaceValueAt(String json, int at) {
        int colon = json.indexOf(':', at);
        if (colon < 0) {
            colon = json.indexOf(':');
        }
        if (colon < 0) {
            return json;
        }
        int end = colon + 1;
        while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
            end++;
        }
        return json.substring(0, colon + 1) + token + json.substring(end);
    }

    @Override
    public String toString() {
        return kind + "@" + position + (kind == Kind.INSERT || kind == Kind.REPLACE_VALUE
                ? "(" + (token.length() > 20 ? token.substring(0, 20) + "...x" + token.length() : token) + ")" : "");
    }
}
