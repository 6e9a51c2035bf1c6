package ai.spice.cloud.reliability;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Response bodies for the two operations, well-formed and broken. Key values look like real secrets. */
final class Bodies {
    static final String KEY_1 = "sk-rel-primary-7c1e4a9b2f6d8035";
    static final String KEY_2 = "sk-rel-secondary-3a8d5e0c1b9f4276";
    static final String API_KEYS = "{\"api_key\":\"" + KEY_1 + "\",\"api_key_2\":\"" + KEY_2 + "\"}";
    static final String REGENERATED = "{\"api_key\":\"" + KEY_1 + "\",\"api_key_2\":\"" + KEY_2 + "\",\"regenerated_key\":1}";
    static final String HTML_502 = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
            + "<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n";
    static final String HTML_LOGIN = "<!DOCTYPE html><html><head><title>Sign in</title></head><body>"
            + "<form action=\"/login\"><input name=\"user\"></form></body></html>\n";

    private Bodies() {
    }

    static Reply apiKeys() {
        return Reply.json(200, API_KEYS);
    }

    static Reply regenerated() {
        return Reply.json(200, REGENERATED);
    }

    static Reply html(int status, String page) {
        return Reply.status(status).body("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** A syntactically unfinished JSON document of {@code size} bytes: a string value that never closes. */
    static byte[] hugeUnterminatedJson(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] prefix = "{\"api_key\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        return body;
    }

    static byte[] hugeHtml(int size) {
        StringBuilder page = new StringBuilder(size + 64).append("<html><body>");
        while (page.length() < size) {
            page.append("<p>upstream error, please retry later</p>\n");
        }
        return page.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
