package ai.spice.cloud.bench.interleaved;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Contenders take turns in one JVM: a turn is one block of calls by one contender (each of {@code threads}
 * threads makes {@code callsPerThread} calls), and a cycle gives every contender one turn. The order rotates
 * from cycle to cycle and is reversed every other pass, so each contender holds each place in a cycle equally
 * often. Load on this shared machine drifts over seconds; a cycle lasts tens of milliseconds, so every
 * contender meets the same load, which forks run one after another cannot promise.
 */
final class Turns {
  /** One turn: the nanoseconds it took and the bytes all threads allocated during it. */
  record Block(long nanos, long bytes) {}

  /** The clock and the allocation counter (tests replace them). */
  interface Clocks {
    long nanoTime();

    /** Bytes allocated so far by every thread of this JVM. */
    long allocatedBytes();
  }

  /** This JVM's: {@code System.nanoTime()} and the total that JMH's GC profiler reads too. */
  static final Clocks JVM = new Clocks() {
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public long allocatedBytes() {
      return threads.getTotalThreadAllocatedBytes();
    }
  };

  private static volatile Object sink; // results escape, so no call can be optimised away

  private final Map<String, Supplier<Object>> contenders;
  private final int threads;
  private final int callsPerThread;
  private final Clocks clocks;

  /**
   * @param contenders each contender's call, in a fixed starting order
   */
  Turns(Map<String, Supplier<Object>> contenders, int threads, int callsPerThread, Clocks clocks) {
    if (contenders.isEmpty() || threads < 1 || callsPerThread < 1) {
      throw new IllegalArgumentException("need contenders, threads >= 1 and callsPerThread >= 1");
    }
    this.contenders = new LinkedHashMap<>(contenders);
    this.threads = threads;
    this.callsPerThread = callsPerThread;
    this.clocks = clocks;
  }

  /** The order of cycle {@code cycle}: rotated by the cycle number, reversed on every other pass. */
  static List<String> order(List<String> names, int cycle) {
    List<String> order = new ArrayList<>(names);
    Collections.rotate(order, -(cycle % names.size()));
    if ((cycle / names.size()) % 2 == 1) {
      Collections.reverse(order);
    }
    return order;
  }

  /**
   * Whole cycles until {@code nanos} have passed (at least one): each contender's blocks in the order taken.
   * A call that throws ends the run, so only successful calls are measured.
   */
  Map<String, List<Block>> run(long nanos) throws InterruptedException {
    Map<String, List<Block>> blocks = new LinkedHashMap<>();
    contenders.keySet().forEach(name -> blocks.put(name, new ArrayList<>()));
    List<String> names = List.copyOf(contenders.keySet());
    try (Workers workers = threads == 1 ? null : new Workers(threads)) {
      long end = clocks.nanoTime() + nanos;
      int cycle = 0;
      do {
        for (String name : order(names, cycle)) {
          Supplier<Object> call = contenders.get(name);
          long bytes = clocks.allocatedBytes();
          long start = clocks.nanoTime();
          if (workers == null) {
            calls(call);
          } else {
            workers.run(call);
          }
          long took = clocks.nanoTime() - start;
          blocks.get(name).add(new Block(took, clocks.allocatedBytes() - bytes));
        }
        cycle++;
      } while (clocks.nanoTime() < end);
    }
    return blocks;
  }

  /** Calls in one block, all threads together. */
  int callsPerBlock() {
    return callsPerThread * threads;
  }

  private void calls(Supplier<Object> call) {
    for (int i = 0; i < callsPerThread; i++) {
      sink = call.get();
    }
  }

  /** Threads that start a block together and report when all of them are through it. */
  private final class Workers implements AutoCloseable {
    private final CyclicBarrier start;
    private final CyclicBarrier done;
    private final List<Thread> pool = new ArrayList<>();
    private volatile Supplier<Object> call;
    private volatile RuntimeException failure;

    Workers(int count) {
      start = new CyclicBarrier(count + 1);
      done = new CyclicBarrier(count + 1);
      for (int i = 0; i < count; i++) {
        Thread thread = new Thread(this::work, "turns-" + i);
        thread.setDaemon(true);
        thread.start();
        pool.add(thread);
      }
    }

    void run(Supplier<Object> next) throws InterruptedException {
      call = next;
      await(start);
      await(done);
      if (failure != null) {
        throw failure;
      }
    }

    private void work() {
      try {
        while (true) {
          start.await();
          Supplier<Object> current = call;
          if (current == null) {
            return;
          }
          try {
            calls(current);
          } catch (RuntimeException e) {
            failure = e;
          }
          done.await();
        }
      } catch (InterruptedException | BrokenBarrierException e) {
        // the run was abandoned: nothing to report to
      }
    }

    private void await(CyclicBarrier barrier) throws InterruptedException {
      try {
        barrier.await();
      } catch (BrokenBarrierException e) {
        throw new IllegalStateException("a worker left the block", e);
      }
    }

    /** Lets the workers through once more with no call: they end. */
    @Override
    public void close() throws InterruptedException {
      call = null;
      try {
        start.await(5, TimeUnit.SECONDS);
      } catch (BrokenBarrierException | TimeoutException e) {
        pool.forEach(Thread::interrupt);
      }
      for (Thread thread : pool) {
        thread.join(5_000);
      }
    }
  }
}
