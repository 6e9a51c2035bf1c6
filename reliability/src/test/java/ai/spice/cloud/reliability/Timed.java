package ai.spice.cloud.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Supplier;

/** Runs one client call, capturing what it threw and how long it took. */
final class Timed<T> {
    final T value;
    final Throwable thrown;
    final Duration elapsed;

    private Timed(T value, Throwable thrown, Duration elapsed) {
        this.value = value;
        this.thrown = thrown;
        this.elapsed = elapsed;
    }

    static <T> Timed<T> call(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            T value = call.get();
            return new Timed<>(value, null, Duration.ofNanos(System.nanoTime() - start));
        } catch (Throwable t) {
            return new Timed<>(null, t, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The exception, which must be exactly of {@code type} (not a sub- or superclass). */
    <E extends Throwable> E threwExactly(Class<E> type) {
        if (thrown == null) {
            fail("expected " + type.getSimpleName() + " but the call returned " + value);
        }
        if (thrown.getClass() != type) {
            throw new AssertionError("expected exactly " + type.getName() + " but got " + thrown.getClass().getName(), thrown);
        }
        return type.cast(thrown);
    }

    T returned() {
        if (thrown != null) {
            throw new AssertionError("expected a result but the call threw " + thrown, thrown);
        }
        return value;
    }

    Timed<T> endedWithin(Duration deadline) {
        assertTrue(elapsed.compareTo(deadline) <= 0, "call took " + elapsed.toMillis() + " ms, deadline " + deadline.toMillis() + " ms");
        return this;
    }

    Timed<T> tookAtLeast(Duration minimum) {
        assertTrue(elapsed.compareTo(minimum) >= 0, "call took " + elapsed.toMillis() + " ms, expected at least " + minimum.toMillis() + " ms");
        return this;
    }
}
