package com.example.keyrotation;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.rotation.ApiKeyRotation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Rotates one app's runtime API key, publishing it to a file the runtimes read (a stand-in for a secret store).
 *
 * <pre>
 * SPICE_CLOUD_TOKEN=... java com.example.keyrotation.KeyRotator 42 /etc/spice/runtime.key
 * </pre>
 */
public final class KeyRotator {
  private KeyRotator() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: KeyRotator <appId> <key-file>");
      System.exit(2);
    }
    ApiKeyRotation.Rotated r = rotate(SpiceCloudClient.fromEnv(), Long.parseLong(args[0]), Path.of(args[1]));
    System.out.println("rotated the " + r.regenerated() + " key of app " + r.appId() + " and published it");
  }

  /**
   * One rotation step. On the first run (no key file yet) the app's primary key is published first, so the
   * runtimes have a key in use and the step regenerates the other one.
   */
  public static ApiKeyRotation.Rotated rotate(SpiceCloudClient client, long appId, Path keyFile) {
    if (!Files.exists(keyFile)) {
      publish(keyFile, client.apiKeys().getApiKeys(appId).getApiKey());
    }
    return ApiKeyRotation.builder(client, appId)
        .keyInUse(() -> read(keyFile))
        .publisher(key -> publish(keyFile, key))
        .build()
        .rotate();
  }

  private static String read(Path keyFile) {
    try {
      return Files.readString(keyFile, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + keyFile, e);
    }
  }

  /** Runtimes never see a half-written file: write aside, then move over. */
  private static void publish(Path keyFile, String key) {
    try {
      Path parent = keyFile.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(parent, ".runtime-key", ".tmp");
      Files.writeString(tmp, key, StandardCharsets.UTF_8);
      Files.move(tmp, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the key to " + keyFile, e);
    }
  }
}
