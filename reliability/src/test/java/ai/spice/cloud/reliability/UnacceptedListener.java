package ai.spice.cloud.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port whose connections never complete: a listener that never accepts, with its accept queue
 * filled, so the kernel drops every further SYN and a client's connect hangs until its own timeout. The only
 * way to exercise a connect timeout without leaving 127.0.0.1.
 */
final class UnacceptedListener implements AutoCloseable {
    private static final int PROBE_MILLIS = 200;
    private static final int MAX_FILLERS = 64;

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();
    private final boolean saturated;

    UnacceptedListener() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        boolean full = false;
        boolean refused = false;
        while (!full && !refused && fillers.size() < MAX_FILLERS) {
            Socket filler = new Socket();
            try {
                filler.connect(listener.getLocalSocketAddress(), PROBE_MILLIS);
                fillers.add(filler);
            } catch (SocketTimeoutException expected) {
                full = true;
                filler.close();
            } catch (IOException overflowRefused) {
                refused = true; // the kernel resets on a full queue: connects fail at once, never hang
                filler.close();
            }
        }
        saturated = full;
    }

    /** Whether a connect attempt was seen to hang; false on kernels that refuse on overflow instead. */
    boolean connectsHang() {
        return saturated;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalSocketAddress()).getPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
        listener.close();
    }
}
