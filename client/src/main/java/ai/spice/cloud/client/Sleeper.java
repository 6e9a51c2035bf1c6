package ai.spice.cloud.client;

import java.time.Duration;

/** Waits between retry attempts; tests inject one that records the backoffs instead. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread ({@link Thread#sleep}). */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * @param duration how long to wait, never negative
   * @throws InterruptedException if the thread is interrupted; the retry is then abandoned
   */
  void sleep(Duration duration) throws InterruptedException;
}
