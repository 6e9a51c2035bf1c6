package ai.spice.cloud.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/** The server side of one request: the request read so far and the raw socket to misbehave on. */
final class Exchange {
    private final RecordedRequest request;
    private final Socket socket;
    private final OutputStream out;
    private final FaultServer server;

    Exchange(RecordedRequest request, Socket socket, OutputStream out, FaultServer server) {
        this.request = request;
        this.socket = socket;
        this.out = out;
        this.server = server;
    }

    RecordedRequest request() {
        return request;
    }

    OutputStream out() {
        return out;
    }

    /** Abortive close: SO_LINGER 0 makes the kernel send RST instead of FIN, which the client sees as a reset. */
    void reset() throws IOException {
        out.flush();
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Holds the connection open without writing, until the server closes or the hold bound passes. */
    void stall() throws InterruptedException {
        server.awaitClose(FaultServer.MAX_HOLD);
    }

    /** Sleeps unless the server is closing; returns false once it is. */
    boolean pause(Duration gap) throws InterruptedException {
        return !server.awaitClose(gap);
    }
}
