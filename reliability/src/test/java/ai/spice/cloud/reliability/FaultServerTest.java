package ai.spice.cloud.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault server itself misbehaves exactly as scripted (checked with raw sockets, no client involved). */
class FaultServerTest {
    private FaultServer server;

    @BeforeEach
    void start() throws IOException {
        server = FaultServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersTheScriptInOrderThenTheFallbackAndCountsPerMethod() throws IOException {
        server.enqueue(Reply.json(503, "{}"), Reply.json(201, "{}")).otherwise(Reply.json(200, "{\"ok\":true}"));
        try (Socket socket = connect()) {
            send(socket, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(readResponse(socket).startsWith("HTTP/1.1 503"));
            send(socket, "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
            assertTrue(readResponse(socket).startsWith("HTTP/1.1 201"));
            send(socket, "GET /c HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(readResponse(socket).endsWith("{\"ok\":true}"));
        }
        assertEquals(2, server.requestCount("GET"));
        assertEquals(1, server.requestCount("POST"));
        assertEquals("abc", server.requests().get(1).bodyText());
        assertEquals(1, server.connectionCount(), "keep-alive reuses one connection");
    }

    @Test
    void aClosedPortRefusesConnections() throws IOException {
        int port = FaultServer.closedPort();
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }

    @Test
    void resetBeforeResponseResetsTheConnection() throws IOException {
        server.enqueue(Faults.resetBeforeResponse());
        try (Socket socket = connect()) {
            send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            SocketException reset = assertThrows(SocketException.class, () -> readResponse(socket));
            assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
        }
    }

    @Test
    void resetMidBodyDeliversPartOfTheBodyThenResets() throws IOException {
        server.enqueue(Faults.resetMidBody(Reply.json(200, "{\"api_key\":\"0123456789\"}"), 5));
        try (Socket socket = connect()) {
            send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(Reply.json(200, "{\"api_key\":\"0123456789\"}").head().length + 5);
            assertTrue(new String(head, StandardCharsets.ISO_8859_1).endsWith("{\"api"));
            assertThrows(SocketException.class, () -> drain(in));
        }
    }

    @Test
    void neverAnswerSendsNothingUntilTheReaderTimesOut() throws IOException {
        server.enqueue(Faults.neverAnswer());
        try (Socket socket = connect()) {
            socket.setSoTimeout(200);
            send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
        }
        assertEquals(1, server.requestCount("GET"));
    }

    @Test
    void headersThenStallSendsTheHeadThenGoesSilent() throws IOException {
        Reply reply = Reply.json(200, "{\"api_key\":null}");
        server.enqueue(Faults.headersThenStall(reply, 0));
        try (Socket socket = connect()) {
            socket.setSoTimeout(300);
            send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertArrayEquals(reply.head(), socket.getInputStream().readNBytes(reply.head().length));
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
        }
    }

    @Test
    void trickleDeliversTheWholeResponseByteByByte() throws IOException {
        Reply reply = Reply.json(200, "{}");
        server.enqueue(Faults.trickle(reply, Duration.ofMillis(1)));
        try (Socket socket = connect()) {
            send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertArrayEquals(reply.bytes(), socket.getInputStream().readNBytes(reply.bytes().length));
        }
    }

    @Test
    void closingTheServerReleasesAStalledConnection() throws IOException {
        server.enqueue(Faults.neverAnswer());
        try (Socket socket = connect()) {
            socket.setSoTimeout(5_000);
            send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            while (server.requestCount() == 0) {
                Thread.onSpinWait();
            }
            server.close();
            // End of stream (or a reset) rather than the 5 s timeout: the stall ended with the server.
            try {
                assertEquals(-1, socket.getInputStream().read());
            } catch (SocketException reset) {
                assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
            }
        }
    }

    private Socket connect() throws IOException {
        String port = server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port));
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Reads one Content-Length framed response. */
    private static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("end of stream in head");
            }
            head.write(b);
            lastFour = (lastFour << 8) | b;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Content-Length: ") + "Content-Length: ".length();
        int length = Integer.parseInt(text.substring(at, text.indexOf("\r\n", at)));
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        while (in.read(buffer) >= 0) {
            // Keep reading until the reset surfaces.
        }
        throw new IOException("clean end of stream instead of a reset");
    }
}
