package ai.spice.cloud.reliability;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A deliberately misbehaving HTTP/1.1 server on a raw {@link ServerSocket} bound to 127.0.0.1 (ephemeral port).
 * Each request takes the next scripted {@link Fault}; once the script is used up the router answers. Every
 * thread is a daemon and every stall is bounded, so a forgotten server cannot hang the build; tests still
 * close it in {@code @AfterEach}.
 */
final class FaultServer implements AutoCloseable {
    /** Upper bound for any stall, in case a test forgets to close the server. */
    static final Duration MAX_HOLD = Duration.ofSeconds(20);
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_RECORDED = 10_000;

    private final ServerSocket serverSocket;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("fault-server-conn"));
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Fault> script = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> countsByMethod = new ConcurrentHashMap<>();
    private final List<RecordedRequest> recorded = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Function<RecordedRequest, Fault> router =
            request -> Reply.json(500, "{\"error\":\"fault server: script exhausted\"}");

    private FaultServer() throws IOException {
        serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        Thread acceptor = daemon("fault-server-accept").newThread(this::acceptLoop);
        acceptor.start();
    }

    static FaultServer start() throws IOException {
        return new FaultServer();
    }

    /** A loopback port with nothing listening: connecting to it is refused. */
    static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort();
    }

    /** Faults for the next requests, in order. */
    FaultServer enqueue(Fault... faults) {
        script.addAll(List.of(faults));
        return this;
    }

    /** Enqueues the same fault {@code times} times. */
    FaultServer enqueue(int times, Fault fault) {
        for (int i = 0; i < times; i++) {
            script.add(fault);
        }
        return this;
    }

    /** Answers every request once the script is used up. */
    FaultServer otherwise(Fault fault) {
        return route(request -> fault);
    }

    /** Chooses the answer per request (after the script), e.g. by path for the load test. */
    FaultServer route(Function<RecordedRequest, Fault> router) {
        this.router = router;
        return this;
    }

    int requestCount() {
        return countsByMethod.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int requestCount(String method) {
        AtomicInteger count = countsByMethod.get(method);
        return count == null ? 0 : count.get();
    }

    int connectionCount() {
        return connections.get();
    }

    /** The first requests received (bounded, so a load test cannot fill the heap). */
    List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** Waits up to {@code timeout} for the server to close; true if it has. */
    boolean awaitClose(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (Socket socket : openSockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
        workers.shutdownNow();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                connections.incrementAndGet();
                openSockets.add(socket);
                workers.execute(() -> serve(socket));
            } catch (IOException | RuntimeException e) {
                // Socket closed (server stopping) or executor shut down: stop accepting.
                if (serverSocket.isClosed() || workers.isShutdown()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            while (closed.getCount() > 0) {
                RecordedRequest request = readRequest(in);
                if (request == null) {
                    return;
                }
                countsByMethod.computeIfAbsent(request.method(), m -> new AtomicInteger()).incrementAndGet();
                synchronized (recorded) {
                    if (recorded.size() < MAX_RECORDED) {
                        recorded.add(request);
                    }
                }
                Fault fault = script.poll();
                if (fault == null) {
                    fault = router.apply(request);
                }
                if (!fault.apply(new Exchange(request, socket, out, this))) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away or the fault closed the socket: nothing more to serve.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            openSockets.remove(socket);
        }
    }

    /** Reads one request; null on a clean end of stream between requests. */
    private static RecordedRequest readRequest(InputStream in) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length < 3) {
            throw new IOException("malformed request line");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = readBody(in, headers);
        return new RecordedRequest(requestLine[0], requestLine[1], headers, body, System.nanoTime());
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new EOFException("request head cut off");
            }
            head.write(b);
            lastFour = (lastFour << 8) | b;
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head too large");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1).trim();
    }

    private static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.get(0)));
        }
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!readLine(in).isEmpty()) {
                        // Skip trailers.
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }
        return new byte[0];
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("chunk cut off");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
