package ai.spice.cloud.reliability;

import ai.spice.cloud.client.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records every backoff the client asks for and returns at once, so retry tests do not really wait. */
final class RecordingSleeper implements Sleeper {
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
