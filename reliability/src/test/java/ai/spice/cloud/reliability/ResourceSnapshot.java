package ai.spice.cloud.reliability;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Open sockets (from /proc/self/fd), live threads and used heap after GC, for before/after leak checks. */
record ResourceSnapshot(int sockets, int threads, long heapBytes) {

    static ResourceSnapshot take() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return new ResourceSnapshot(openSockets(), ManagementFactory.getThreadMXBean().getThreadCount(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** -1 where /proc is not available (not Linux): the socket check is then skipped, not faked. */
    static int openSockets() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        int sockets = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        sockets++;
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor went away while listing; it is not open.
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sockets;
    }

    @Override
    public String toString() {
        return "sockets=" + sockets + " threads=" + threads + " heapMiB=" + heapBytes / (1024 * 1024);
    }
}
