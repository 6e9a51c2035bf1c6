package ai.spice.cloud.client.rotation;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.api.ApiKeysApi;
import ai.spice.cloud.client.errors.SpiceCloudException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.model.ApiKeysRegenerated;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest;
import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Rotates an app's runtime API keys without downtime, the documented two-key way: runtimes use one key while the
 * other is regenerated; the new key is published (your callback: a secret store, a config push) so runtimes move
 * to it; the next rotation regenerates the other key, the one they just left.
 *
 * <pre>{@code
 * ApiKeyRotation rotation = ApiKeyRotation.builder(client, 42L)
 *     .keyInUse(() -> vault.read("spice/runtime-key"))           // what runtimes use now
 *     .publisher(key -> vault.write("spice/runtime-key", key))   // return once runtimes use it
 *     .build();
 * rotation.rotate();                                             // e.g. from a weekly job
 * }</pre>
 *
 * <p>One {@link #rotate()} reads the keys, regenerates the key <em>not</em> in use (exactly one regeneration
 * request, never re-sent), and publishes its new value. The key in use is never regenerated, so it stays valid
 * whatever happens in between.
 *
 * <p><b>A lost response</b> (reset, timeout, 5xx, a garbled body) leaves it unknown whether the regeneration took
 * effect. Sending it again would be unsafe (it rotates again), so the step reads the keys instead: if the
 * standby key changed, the new value is published and the step completes; if not, the step fails with
 * {@link Outcome#NOT_REGENERATED} and nothing was published. The next step always starts by
 * reading the keys, so it never acts on a stale view.
 *
 * <p>Thread-safe; steps of one instance run one at a time. Steps for the same app from several processes must be
 * serialized by the caller (one scheduler, a lock).
 */
public final class ApiKeyRotation {
  private final ApiKeysApi api;
  private final long appId;
  private final Supplier<String> keyInUse;
  private final Consumer<String> publisher;

  private ApiKeyRotation(Builder b) {
    this.api = b.client.apiKeys();
    this.appId = b.appId;
    this.keyInUse = b.keyInUse;
    this.publisher = b.publisher;
  }

  /**
   * Starts a rotation of one app's keys; set where the key in use is read from and how a new one is published.
   *
   * @param client the client; its token needs {@code apps:read} and {@code apps:write}
   * @param appId the app whose keys rotate
   * @return a builder
   * @throws IllegalArgumentException if {@code appId} is not positive
   * @throws NullPointerException if {@code client} is null
   */
  public static Builder builder(SpiceCloudClient client, long appId) {
    return new Builder(client, appId);
  }

  /**
   * One rotation step: read the keys, regenerate the one not in use, publish its new value.
   *
   * @return which key was regenerated, and whether the new value had to be read back after a lost response
   * @throws RotationException when the step did not complete; its {@link RotationException#outcome()}
   *     says what is known. The key in use is still valid in every case but
   *     {@link Outcome#KEY_IN_USE_NOT_LIVE}.
   * @throws SpiceCloudException when the first read of the keys fails (nothing was changed)
   */
  public synchronized Rotated rotate() {
    String inUse = keyInUse.get();
    if (inUse == null || inUse.isBlank()) {
      throw new RotationException(Outcome.KEY_IN_USE_NOT_LIVE,
          "no key in use was supplied for app " + appId + "; publish one of its keys first", null);
    }
    ApiKeys before = api.getApiKeys(appId);
    KeyNumberEnum standby;
    if (inUse.equals(before.getApiKey())) {
      standby = KeyNumberEnum.SECONDARY;
    } else if (inUse.equals(before.getApiKey2())) {
      standby = KeyNumberEnum.PRIMARY;
    } else {
      throw new RotationException(Outcome.KEY_IN_USE_NOT_LIVE,
          "the key in use is neither of app " + appId + "'s keys; publish a live key before rotating", null);
    }
    String previous = value(before, standby);

    String fresh;
    boolean readBack = false;
    try {
      ApiKeysRegenerated r = api.regenerateApiKey(appId, new RegenerateApiKeyRequest().keyNumber(standby));
      fresh = standby == KeyNumberEnum.PRIMARY ? r.getApiKey() : r.getApiKey2();
      if (fresh == null || fresh.equals(previous)) {
        fresh = afterLostResponse(standby, previous, inUse, null);
        readBack = true;
      }
    } catch (SpiceCloudException e) {
      if (e instanceof SpiceCloudServiceException answer && refused(answer)) {
        throw new RotationException(Outcome.NOT_REGENERATED,
            "the control plane refused to regenerate the " + name(standby) + " key of app " + appId + " ("
                + answer.statusCode() + "); nothing changed, nothing was published", e);
      }
      fresh = afterLostResponse(standby, previous, inUse, e);
      readBack = true;
    }

    try {
      publisher.accept(fresh);
    } catch (RuntimeException e) {
      throw new RotationException(Outcome.PUBLISH_FAILED,
          "the " + name(standby) + " key of app " + appId + " was regenerated but publishing it failed; the key"
              + " in use stays valid and the next rotation regenerates the " + name(standby) + " key again", e);
    }
    return new Rotated(appId, standby, readBack);
  }

  /** 4xx but 408 and 429-with-no-effect: the server answered that it did not do it. */
  private static boolean refused(SpiceCloudServiceException e) {
    int s = e.statusCode();
    return s >= 400 && s < 500 && s != 408;
  }

  /** The regeneration may or may not have taken effect: look, never re-send. */
  private String afterLostResponse(KeyNumberEnum standby, String previous, String inUse, SpiceCloudException cause) {
    ApiKeys after;
    try {
      after = api.getApiKeys(appId);
    } catch (SpiceCloudException readFailure) {
      RotationException e = new RotationException(Outcome.UNKNOWN,
          "regenerating the " + name(standby) + " key of app " + appId + " got no usable answer and reading the"
              + " keys back failed too; nothing was published, the key in use is untouched, the next rotation"
              + " reads the keys first", cause);
      e.addSuppressed(readFailure);
      throw e;
    }
    String now = value(after, standby);
    if (now == null || now.equals(previous) || now.equals(inUse)) {
      throw new RotationException(Outcome.NOT_REGENERATED,
          "regenerating the " + name(standby) + " key of app " + appId + " did not take effect (read back);"
              + " nothing was published", cause);
    }
    return now;
  }

  private static String value(ApiKeys keys, KeyNumberEnum which) {
    return which == KeyNumberEnum.PRIMARY ? keys.getApiKey() : keys.getApiKey2();
  }

  private static String name(KeyNumberEnum which) {
    return which == KeyNumberEnum.PRIMARY ? "primary" : "secondary";
  }

  /**
   * A completed step.
   *
   * @param appId the app
   * @param regenerated the key that was regenerated and published ({@code PRIMARY} or {@code SECONDARY})
   * @param readBack whether the response was lost and the new value was read back instead
   */
  public record Rotated(long appId, KeyNumberEnum regenerated, boolean readBack) {}

  /** A rotation step that did not complete; {@link #outcome()} says what is known about the keys. */
  public static final class RotationException extends SpiceCloudException {
    private static final long serialVersionUID = 1L;

    /** What is known about the keys. */
    private final Outcome outcome;

    RotationException(Outcome outcome, String message, Throwable cause) {
      super(message, cause);
      this.outcome = outcome;
    }

    /** @return what is known about the keys after the step */
    public Outcome outcome() {
      return outcome;
    }
  }

  /** What is known after a step that did not complete. */
  public enum Outcome {
    /** The standby key was not regenerated (refused, or read back unchanged); nothing was published. */
    NOT_REGENERATED,
    /** The regeneration got no usable answer and the keys could not be read back; nothing was published. */
    UNKNOWN,
    /** The standby key was regenerated but the publisher failed; the key in use is still valid. */
    PUBLISH_FAILED,
    /** The key in use is not one of the app's keys (or none was given); nothing was changed. */
    KEY_IN_USE_NOT_LIVE
  }

  /** Settings of a rotation; both callbacks are required. */
  public static final class Builder {
    private final SpiceCloudClient client;
    private final long appId;
    private Supplier<String> keyInUse;
    private Consumer<String> publisher;

    private Builder(SpiceCloudClient client, long appId) {
      this.client = Objects.requireNonNull(client, "client");
      if (appId <= 0) {
        throw new IllegalArgumentException("app ids are positive: " + appId);
      }
      this.appId = appId;
    }

    /**
     * @param keyInUse asked at the start of each step: the key value runtimes use now (the last published)
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder keyInUse(Supplier<String> keyInUse) {
      this.keyInUse = Objects.requireNonNull(keyInUse, "keyInUse");
      return this;
    }

    /**
     * @param publisher given each new key; it should return only once runtimes use it, and throw if it could not
     *     publish (the step then fails with {@link Outcome#PUBLISH_FAILED})
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder publisher(Consumer<String> publisher) {
      this.publisher = Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    /**
     * @return the rotation; thread-safe, one step at a time
     * @throws IllegalStateException if {@link #keyInUse} or {@link #publisher} is not set
     */
    public ApiKeyRotation build() {
      if (keyInUse == null || publisher == null) {
        throw new IllegalStateException("an ApiKeyRotation needs keyInUse(...) and publisher(...)");
      }
      return new ApiKeyRotation(this);
    }
  }
}
