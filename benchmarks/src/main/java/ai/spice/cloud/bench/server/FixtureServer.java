package ai.spice.cloud.bench.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Loopback HTTP/1.1 server answering the benchmarked operations (API keys GET and POST, regions, and a large
 * secrets list for the logging benchmark) with fixed JSON, one pooled thread per keep-alive
 * connection (at most {@link #MAX_CONNECTIONS}; idle ones close after 30 s). Deliberately minimal (each
 * response is one precomputed write with TCP_NODELAY): the server's share of a call adds to every contender
 * alike and would flatten the ratios. Run as its own process by the benchmarks (its work and allocations stay
 * out of the measured JVM); tests use it in-process.
 */
public final class FixtureServer implements AutoCloseable {
  /** Printed on stdout by {@link #main} so a parent process can learn the ephemeral port. */
  public static final String PORT_PREFIX = "FIXTURE_PORT ";

  private static final Pattern API_KEYS = Pattern.compile("/v1/apps/\\d+/api-keys");
  private static final Pattern SECRETS = Pattern.compile("/v1/apps/\\d+/secrets");
  private static final byte[] GET_RESPONSE = ok(Fixtures.API_KEYS_JSON.getBytes(StandardCharsets.UTF_8));
  private static final byte[] POST_RESPONSE = ok(Fixtures.API_KEYS_REGENERATED_JSON.getBytes(StandardCharsets.UTF_8));
  private static final byte[] REGIONS_RESPONSE = ok(Fixtures.REGIONS_JSON.getBytes(StandardCharsets.UTF_8));
  private static final byte[] SECRETS_RESPONSE = ok(Fixtures.LARGE_SECRETS_JSON);
  private static final int IDLE_TIMEOUT_MILLIS = 30_000;
  private static final int MAX_LINE = 8192;
  /** Each client keeps its idle connections open, so threads are per connection, not per request. */
  public static final int MAX_CONNECTIONS = 256;

  private final ServerSocket serverSocket;
  private final ExecutorService pool;
  private final AtomicLong served = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private volatile String lastPostBody = "";

  private FixtureServer(ServerSocket serverSocket, ExecutorService pool) {
    this.serverSocket = serverSocket;
    this.pool = pool;
  }

  /** Starts on 127.0.0.1 and an ephemeral port. */
  public static FixtureServer start() throws IOException {
    ServerSocket serverSocket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    ExecutorService pool = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemon("fixture-connection"));
    FixtureServer fixture = new FixtureServer(serverSocket, pool);
    daemon("fixture-acceptor").newThread(fixture::acceptLoop).start();
    return fixture;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Successful (200) answers so far. */
  public long served() {
    return served.get();
  }

  /** Requests answered with an error status (wrong path, method or token). */
  public long rejected() {
    return rejected.get();
  }

  /** Connections accepted so far: a client that reuses its connections opens one for sequential calls. */
  public long connections() {
    return connections.get();
  }

  public String lastPostBody() {
    return lastPostBody;
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        connections.incrementAndGet();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
        try {
          pool.execute(() -> serve(socket));
        } catch (RejectedExecutionException e) {
          socket.close();
        }
      } catch (IOException e) {
        // Closed while accepting: the loop condition ends it.
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (serveOne(in, out)) {
        // Keep-alive: next request on the same connection.
      }
    } catch (SocketTimeoutException | SocketException e) {
      // Idle or reset by the client: the connection simply ends.
    } catch (IOException e) {
      System.err.println("fixture server: " + e);
    }
  }

  /** Reads one request and answers it; false when the connection should end. */
  private boolean serveOne(InputStream in, OutputStream out) throws IOException {
    String requestLine = readLine(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return false;
    }
    long contentLength = 0;
    String authorization = null;
    boolean close = false;
    for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "authorization" -> authorization = value;
        case "connection" -> close = "close".equalsIgnoreCase(value);
        default -> { }
      }
    }
    byte[] body = in.readNBytes(Math.toIntExact(contentLength));

    String[] parts = requestLine.split(" ");
    String method = parts[0];
    String path = parts.length > 1 ? parts[1] : "";
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    byte[] response;
    boolean apiKeys = API_KEYS.matcher(path).matches();
    boolean regions = path.equals("/v1/regions");
    boolean secrets = SECRETS.matcher(path).matches();
    if (!apiKeys && !regions && !secrets) {
      response = error(404, "Not Found");
    } else if (!("Bearer " + Fixtures.TOKEN).equals(authorization)) {
      response = error(401, "Unauthorized");
    } else if ("GET".equals(method)) {
      response = apiKeys ? GET_RESPONSE : regions ? REGIONS_RESPONSE : SECRETS_RESPONSE;
    } else if ("POST".equals(method) && apiKeys) {
      lastPostBody = new String(body, StandardCharsets.UTF_8);
      response = POST_RESPONSE;
    } else {
      response = error(405, "Method Not Allowed");
    }
    // Counted before the answer leaves: a client that has seen it must also see the count.
    if (response[9] == '2') { // "HTTP/1.1 2xx"
      served.incrementAndGet();
    } else {
      rejected.incrementAndGet();
    }
    out.write(response);
    out.flush();
    return !close;
  }

  /** An ASCII line without its CRLF, or null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("header line too long");
      }
      line.append((char) b);
    }
    return line.length() == 0 ? null : line.toString();
  }

  private static byte[] ok(byte[] body) {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] response = new byte[head.length + body.length];
    System.arraycopy(head, 0, response, 0, head.length);
    System.arraycopy(body, 0, response, head.length, body.length);
    return response;
  }

  private static byte[] error(int status, String reason) {
    return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    try {
      serverSocket.close();
    } catch (IOException e) {
      // Already closed.
    }
    pool.shutdownNow();
  }

  /**
   * Serves until standard input closes, so the server dies with the parent that started it.
   */
  public static void main(String[] args) throws IOException {
    try (FixtureServer fixture = start()) {
      System.out.println(PORT_PREFIX + fixture.port());
      System.out.flush();
      while (System.in.read() != -1) {
        // Parent still alive.
      }
    }
  }
}
