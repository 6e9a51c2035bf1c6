package ai.spice.cloud.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A well-formed HTTP/1.1 response (status, headers, Content-Length framed body); the basis of most faults. */
final class Reply implements Fault {
    private final int status;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private byte[] body = new byte[0];

    private Reply(int status) {
        this.status = status;
    }

    static Reply status(int status) {
        return new Reply(status);
    }

    static Reply json(int status, String json) {
        return status(status).body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    Reply body(String contentType, byte[] bytes) {
        header("Content-Type", contentType);
        this.body = bytes.clone();
        return this;
    }

    /** A body without a Content-Type header. */
    Reply rawBody(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    byte[] bodyBytes() {
        return body;
    }

    /** Status line and headers including Content-Length, ready to write. */
    byte[] head() {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.length + 256);
        all.writeBytes(head());
        all.writeBytes(body);
        return all.toByteArray();
    }

    @Override
    public boolean apply(Exchange exchange) throws IOException {
        exchange.out().write(head());
        exchange.out().write(body);
        exchange.out().flush();
        return true;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }
}
