package ai.spice.cloud.bench.interleaved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.bench.report.Medians;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The turns, on a clock the contenders' calls advance, so every figure is known in advance. */
class TurnsTest {
  /** Time advances only by calls; a call costs its contender's price times the load at that moment. */
  private static final class FakeMachine implements Turns.Clocks {
    final AtomicLong now = new AtomicLong();
    final AtomicLong allocated = new AtomicLong();
    final long rampEvery;

    FakeMachine(long rampEvery) {
      this.rampEvery = rampEvery;
    }

    Supplier<Object> contender(long price, long bytes) {
      return () -> {
        double load = rampEvery == 0 ? 1 : 1 + (double) (now.get() / rampEvery) / 10; // +10% per step
        now.addAndGet(Math.round(price * load));
        allocated.addAndGet(bytes);
        return price;
      };
    }

    @Override
    public long nanoTime() {
      return now.get();
    }

    @Override
    public long allocatedBytes() {
      return allocated.get();
    }
  }

  /** Ours at 105 ns per call against the floor at 100, each allocating {@code bytes} per call. */
  private static Map<String, Supplier<Object>> oursAndFloor(FakeMachine machine, long oursBytes, long floorBytes) {
    Map<String, Supplier<Object>> contenders = new LinkedHashMap<>();
    contenders.put("ours", machine.contender(105, oursBytes));
    contenders.put("floor", machine.contender(100, floorBytes));
    return contenders;
  }

  private static double medianNanos(List<Turns.Block> blocks) {
    return Medians.of(blocks.stream().map(b -> (double) b.nanos()).toList());
  }

  @Test
  void everyContenderHoldsEveryPlaceAndFollowsEveryOtherEquallyOften() {
    List<String> names = List.of("a", "b", "c");
    Map<String, int[]> places = new HashMap<>();
    names.forEach(n -> places.put(n, new int[3]));
    Map<String, Integer> follows = new HashMap<>(); // "ab": b right after a, what a leaves behind b meets

    for (int cycle = 0; cycle < 6; cycle++) { // two passes: one rotated, one reversed
      List<String> order = Turns.order(names, cycle);
      assertEquals(3, order.stream().distinct().count(), "cycle " + cycle + ": " + order);
      for (int place = 0; place < 3; place++) {
        places.get(order.get(place))[place]++;
        if (place > 0) {
          follows.merge(order.get(place - 1) + order.get(place), 1, Integer::sum);
        }
      }
    }

    places.forEach((name, counts) -> assertEquals(List.of(2, 2, 2), List.of(counts[0], counts[1], counts[2]), name));
    assertEquals(Map.of("ab", 2, "ba", 2, "bc", 2, "cb", 2, "ca", 2, "ac", 2), follows);
  }

  @Test
  void aBlockIsTheTimeAndAllocationOfItsCalls() throws InterruptedException {
    FakeMachine machine = new FakeMachine(0);

    Map<String, List<Turns.Block>> blocks = new Turns(oursAndFloor(machine, 48, 40), 1, 10, machine).run(100_000);

    assertTrue(blocks.get("ours").size() >= 45, "blocks: " + blocks.get("ours").size());
    assertEquals(blocks.get("ours").size(), blocks.get("floor").size(), "whole cycles only");
    assertTrue(blocks.get("ours").stream().allMatch(b -> b.nanos() == 1050 && b.bytes() == 480));
    assertTrue(blocks.get("floor").stream().allMatch(b -> b.nanos() == 1000 && b.bytes() == 400));
  }

  @Test
  void loadThatRisesDuringTheRunLeavesTheRatioAlone() throws InterruptedException {
    // The load rises by 10% every 20,000 ns, ten steps in all: one contender after the other would put
    // the whole rise into the ratio; in turns the true 1.05 stays.
    FakeMachine machine = new FakeMachine(20_000);

    Map<String, List<Turns.Block>> blocks = new Turns(oursAndFloor(machine, 0, 0), 1, 2, machine).run(200_000);

    double ratio = medianNanos(blocks.get("ours")) / medianNanos(blocks.get("floor"));
    assertEquals(1.05, ratio, 0.02);

    FakeMachine oneAfterTheOther = new FakeMachine(20_000);
    double ours = medianNanos(new Turns(Map.of("ours", oneAfterTheOther.contender(105, 0)), 1, 2,
        oneAfterTheOther).run(100_000).get("ours"));
    double floor = medianNanos(new Turns(Map.of("floor", oneAfterTheOther.contender(100, 0)), 1, 2,
        oneAfterTheOther).run(100_000).get("floor"));
    assertTrue(ours / floor < 0.8, "run after the floor, ours looked " + ours / floor + "x (the load's rise)");
  }

  @Test
  void eightThreadsEachMakeTheirCallsInEveryBlock() throws InterruptedException {
    AtomicLong calls = new AtomicLong();
    Map<String, Supplier<Object>> contenders = new LinkedHashMap<>();
    contenders.put("ours", () -> calls.incrementAndGet());
    Turns turns = new Turns(contenders, 8, 25, Turns.JVM);

    List<Turns.Block> blocks = turns.run(20_000_000).get("ours");

    assertEquals(200, turns.callsPerBlock());
    assertEquals(200L * blocks.size(), calls.get());
  }

  @Test
  void aFailingCallEndsTheRun() {
    Map<String, Supplier<Object>> failing = Map.of("ours", () -> {
      throw new IllegalStateException("HTTP 500");
    });
    FakeMachine machine = new FakeMachine(0);

    assertThrows(IllegalStateException.class, () -> new Turns(failing, 1, 5, machine).run(1_000));
    IllegalStateException fromAWorker = assertThrows(IllegalStateException.class,
        () -> new Turns(failing, 8, 5, machine).run(1_000));
    assertEquals("HTTP 500", fromAWorker.getMessage());
  }

  @Test
  void thePairedRatioComparesBlocksOfTheSameCycle() {
    // The load differs fourfold between cycles; within each, ours takes 5% longer. An extra block is ignored.
    InterleavedRunner.Summary ours = new InterleavedRunner.Summary(0, 0, List.of(105.0, 420.0, 210.0, 99.0));
    InterleavedRunner.Summary floor = new InterleavedRunner.Summary(0, 0, List.of(100.0, 400.0, 200.0));

    assertEquals(1.05, InterleavedRunner.pairedRatio(ours, floor), 1e-9);
  }

  @Test
  void theRunnerReadsTimePerCallForOneThreadAndCallsPerSecondForMore() {
    List<String> lines = new ArrayList<>(List.of("JVM warning on stdout", "BLOCK ours 2000000 96000 100",
        "BLOCK floor 1000000 64000 100", "BLOCK ours 4000000 96000 100", "BLOCK floor 1000000 64000 100",
        "BLOCK ours 3000000 96000 100"));

    Map<String, InterleavedRunner.Summary> sequential = InterleavedRunner.summarise(String.join("\n", lines), true);
    Map<String, InterleavedRunner.Summary> threads = InterleavedRunner.summarise(String.join("\n", lines), false);

    assertEquals(30.0, sequential.get("ours").value(), 1e-9); // median of 20, 40 and 30 us per call
    assertEquals(960.0, sequential.get("ours").bytesPerCall(), 1e-9);
    assertEquals(List.of(20.0, 40.0, 30.0), sequential.get("ours").blocks());
    assertEquals(100_000.0, threads.get("floor").value(), 1e-9); // 100 calls in 1 ms
    assertThrows(IllegalStateException.class, () -> InterleavedRunner.summarise("no blocks here", true));
  }
}
