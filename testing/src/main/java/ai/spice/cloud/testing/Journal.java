package ai.spice.cloud.testing;

import java.util.ArrayDeque;
import java.util.List;

/** The most recent calls, bounded so a long-running standalone fake does not grow without limit. */
final class Journal {
  private final int capacity;
  private final ArrayDeque<RecordedCall> calls = new ArrayDeque<>();

  Journal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  synchronized void add(RecordedCall call) {
    if (calls.size() == capacity) {
      calls.removeFirst();
    }
    calls.addLast(call);
  }

  synchronized List<RecordedCall> snapshot() {
    return List.copyOf(calls);
  }

  synchronized void clear() {
    calls.clear();
  }
}
