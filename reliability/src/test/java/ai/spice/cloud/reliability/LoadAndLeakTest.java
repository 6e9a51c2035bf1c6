package ai.spice.cloud.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.NotFoundException;
import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several threads share one client against a loopback server that mixes successes with 404s, persistent 503s,
 * resets and truncated bodies (chosen by app id, so every outcome is predictable). Afterwards: every failure
 * was the documented one, every regeneration reached the server exactly once, every GET used exactly its
 * attempts, and sockets, threads and heap are back where they were. Latency percentiles go to
 * target/reliability-report.txt. Length: -Dreliability.loadSeconds (10 in CI), threads: -Dreliability.loadThreads.
 */
class LoadAndLeakTest {
    private static final int THREADS = Integer.getInteger("reliability.loadThreads", 8);
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("reliability.loadSeconds", 10));
    private static final Duration WARM_UP = Duration.ofSeconds(1);
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final long HEAP_TOLERANCE = 64L * 1024 * 1024;
    private static final Pattern APP_PATH = Pattern.compile("/v1/apps/(\\d+)/api-keys");

    /** What the server does for an app id, and what the caller must see. */
    enum Scenario {
        OK(null, 1), NOT_FOUND(NotFoundException.class, 1), UNAVAILABLE(InternalServerException.class, TestClients.MAX_RETRIES + 1),
        RESET(SpiceCloudIoException.class, TestClients.MAX_RETRIES + 1), TRUNCATED(SpiceCloudInvalidResponseException.class, 1);

        final Class<? extends Exception> expected;
        final int getAttempts;

        Scenario(Class<? extends Exception> expected, int getAttempts) {
            this.expected = expected;
            this.getAttempts = getAttempts;
        }

        static Scenario of(long appId) {
            int slot = (int) (appId % 10);
            return slot <= 5 ? OK : values()[slot - 5];
        }
    }

    private FaultServer server;
    private SpiceCloudClient client;
    private final LongAdder regenerateCalls = new LongAdder();
    private final LongAdder expectedGetRequests = new LongAdder();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong unexpectedCount = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = FaultServer.start().route(LoadAndLeakTest::answer);
        client = TestClients.builder(server.baseUrl(), duration -> { }).readTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sharedClientUnderMixedLoadHasNoUnexpectedErrorsNoRepeatedRegenerationsAndNoLeaks() throws Exception {
        runLoad(WARM_UP);
        ResourceSnapshot before = settled(null);
        outcomes.clear();
        long getsBefore = server.requestCount("GET");
        long postsBefore = server.requestCount("POST");
        regenerateCalls.reset();
        expectedGetRequests.reset();

        long started = System.nanoTime();
        long[][] latencies = runLoad(LOAD);
        Duration ran = Duration.ofNanos(System.nanoTime() - started);
        ResourceSnapshot after = settled(before);

        long[] signed = flatten(latencies);
        LatencyStats all = new LatencyStats(java.util.Arrays.stream(signed).map(Math::abs).toArray());
        LatencyStats successes = new LatencyStats(java.util.Arrays.stream(signed).filter(t -> t >= 0).toArray());
        String report = report(ran, all, successes, before, after, server.requestCount("GET") - getsBefore,
                server.requestCount("POST") - postsBefore);
        System.out.println(report);
        writeReport(report);

        assertEquals(0, unexpectedCount.get(), () -> "unexpected outcomes, first ones: " + unexpected);
        assertEquals(regenerateCalls.sum(), server.requestCount("POST") - postsBefore,
                "every regeneration reaches the server exactly once");
        assertEquals(expectedGetRequests.sum(), server.requestCount("GET") - getsBefore,
                "every GET uses exactly its attempts");
        assertTrue(all.count() > THREADS, "the load ran: " + all);
        assertTrue(withinTolerance(before, after), "resources grew: " + before + " -> " + after);
    }

    private static Fault answer(RecordedRequest request) {
        Matcher m = APP_PATH.matcher(request.path());
        if (!m.matches()) {
            return Reply.json(400, "{\"error\":\"bad path\"}");
        }
        boolean post = request.method().equals("POST");
        return switch (Scenario.of(Long.parseLong(m.group(1)))) {
            case OK -> post ? Bodies.regenerated() : Bodies.apiKeys();
            case NOT_FOUND -> Reply.json(404, "{\"error\":\"App not found\"}");
            case UNAVAILABLE -> Reply.json(503, "{\"error\":\"unavailable\"}");
            case RESET -> Faults.resetBeforeResponse();
            case TRUNCATED -> Reply.json(200, (post ? Bodies.REGENERATED : Bodies.API_KEYS).substring(0, 20));
        };
    }

    private long[][] runLoad(Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long end = System.nanoTime() + length.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> worker(end)));
        }
        long[][] latencies = new long[THREADS][];
        for (int t = 0; t < THREADS; t++) {
            latencies[t] = futures.get(t).get(length.toSeconds() + 120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        return latencies;
    }

    private long[] worker(long endNanos) {
        long[] latencies = new long[1024];
        int n = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < endNanos) {
            long appId = random.nextLong(1, 1_000_000);
            boolean regenerate = random.nextInt(5) == 0;
            Scenario scenario = Scenario.of(appId);
            long start = System.nanoTime();
            Exception failure = null;
            try {
                if (regenerate) {
                    regenerateCalls.increment();
                    check(client.apiKeys().regenerateApiKey(appId, new RegenerateApiKeyRequest()).getApiKey());
                } else {
                    expectedGetRequests.add(scenario.getAttempts);
                    check(client.apiKeys().getApiKeys(appId).getApiKey());
                }
            } catch (Exception e) {
                failure = e;
            }
            long took = System.nanoTime() - start;
            if (n == latencies.length) {
                latencies = java.util.Arrays.copyOf(latencies, n * 2);
            }
            // Failures are stored negated so the report can split them from successes.
            latencies[n++] = failure == null ? took : -took;
            classify(regenerate ? "regenerate" : "get", scenario, failure);
        }
        return java.util.Arrays.copyOf(latencies, n);
    }

    private static void check(String key) {
        if (!Bodies.KEY_1.equals(key)) {
            throw new IllegalStateException("wrong key decoded");
        }
    }

    private void classify(String operation, Scenario scenario, Exception failure) {
        Class<?> actual = failure == null ? null : failure.getClass();
        if (actual == scenario.expected) {
            outcomes.computeIfAbsent(operation + " " + scenario, k -> new LongAdder()).increment();
            return;
        }
        if (unexpectedCount.incrementAndGet() <= 20) {
            unexpected.add(operation + " " + scenario + " -> " + (failure == null ? "success" : failure));
        }
    }

    /** Lets the pool evict and the server threads end, then measures; stops early once back near the baseline. */
    private static ResourceSnapshot settled(ResourceSnapshot baseline) throws InterruptedException {
        long end = System.nanoTime() + SETTLE.toNanos();
        ResourceSnapshot now = ResourceSnapshot.take();
        while (baseline != null && System.nanoTime() < end && !withinTolerance(baseline, now)) {
            Thread.sleep(250);
            now = ResourceSnapshot.take();
        }
        return now;
    }

    /**
     * A leak grows with the thousands of calls made; pooled connections, a few idle pool/server threads and GC
     * noise do not. The margins allow the latter and catch the former.
     */
    private static boolean withinTolerance(ResourceSnapshot before, ResourceSnapshot after) {
        boolean sockets = before.sockets() < 0 || after.sockets() <= before.sockets() + 2 * THREADS;
        return sockets && after.threads() <= before.threads() + THREADS
                && after.heapBytes() <= before.heapBytes() + HEAP_TOLERANCE;
    }

    private static long[] flatten(long[][] perThread) {
        return java.util.Arrays.stream(perThread).flatMapToLong(java.util.Arrays::stream).toArray();
    }

    private String report(Duration ran, LatencyStats all, LatencyStats successes, ResourceSnapshot before, ResourceSnapshot after,
            long gets, long posts) {
        StringBuilder out = new StringBuilder("spice-cloud-java reliability load report\n");
        out.append(String.format(Locale.ROOT, "threads=%d duration=%.1fs calls=%d throughput=%.0f calls/s%n",
                THREADS, ran.toMillis() / 1000.0, all.count(), all.count() / Math.max(0.001, ran.toMillis() / 1000.0)));
        out.append("latency, all calls (failures include their retries): ").append(all).append('\n');
        out.append("latency, successful calls: ").append(successes).append('\n');
        out.append("server requests: GET=").append(gets).append(" POST=").append(posts)
                .append(" (regenerate calls=").append(regenerateCalls.sum()).append(")\n");
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append("  ").append(e.getKey()).append(": ").append(e.getValue().sum()).append('\n'));
        out.append("unexpected outcomes: ").append(unexpectedCount.get()).append('\n');
        out.append("resources before: ").append(before).append('\n');
        out.append("resources after:  ").append(after).append('\n');
        return out.toString();
    }

    private static void writeReport(String report) throws IOException {
        Path file = Path.of(System.getProperty("reliability.reportFile", "target/reliability-report.txt"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
    }
}
