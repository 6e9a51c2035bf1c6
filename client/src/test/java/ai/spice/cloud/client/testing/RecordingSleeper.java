package ai.spice.cloud.client.testing;

import ai.spice.cloud.client.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each requested backoff instead of waiting. */
public final class RecordingSleeper implements Sleeper {

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
  }

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
