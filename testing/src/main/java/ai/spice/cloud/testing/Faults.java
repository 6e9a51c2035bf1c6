package ai.spice.cloud.testing;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/** Faults armed per operation, consumed one per call in arming order. */
final class Faults {
  private final Map<Operation, ArrayDeque<Fault>> armed = new EnumMap<>(Operation.class);

  synchronized void arm(Operation op, int times, Fault fault) {
    ArrayDeque<Fault> queue = armed.computeIfAbsent(op, o -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.addLast(fault);
    }
  }

  /** @return the fault for this call, or null */
  synchronized Fault take(Operation op) {
    ArrayDeque<Fault> queue = armed.get(op);
    return queue == null ? null : queue.pollFirst();
  }

  synchronized int remaining(Operation op) {
    ArrayDeque<Fault> queue = armed.get(op);
    return queue == null ? 0 : queue.size();
  }

  synchronized void clear() {
    armed.clear();
  }
}
