package com.example.keyrotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.testing.Fault;
import ai.spice.cloud.testing.Operation;
import ai.spice.cloud.testing.SpiceCloudFake;
import ai.spice.cloud.testing.SpiceCloudFakeExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SpiceCloudFakeExtension.class)
class KeyRotatorTest {
  @Test
  void rotatesTheKeyRuntimesDoNotUseAndPublishesIt(SpiceCloudFake fake, SpiceCloudClient client,
      @TempDir Path dir) throws Exception {
    fake.app(42).apiKeys("in-use", "standby");
    Path keyFile = dir.resolve("runtime.key");
    Files.writeString(keyFile, "in-use");

    KeyRotator.rotate(client, 42, keyFile);

    String published = Files.readString(keyFile);
    assertNotEquals("in-use", published);
    assertTrue(fake.isLiveKey(42, published));
    assertTrue(fake.isLiveKey(42, "in-use"), "runtimes still on the old key keep working");
    assertFalse(fake.isLiveKey(42, "standby"));
  }

  @Test
  void theNextRunRegeneratesTheKeyTheRuntimesLeft(SpiceCloudFake fake, SpiceCloudClient client,
      @TempDir Path dir) throws Exception {
    fake.app(42).apiKeys("in-use", "standby");
    Path keyFile = dir.resolve("runtime.key");
    Files.writeString(keyFile, "in-use");
    KeyRotator.rotate(client, 42, keyFile);
    String first = Files.readString(keyFile);

    KeyRotator.rotate(client, 42, keyFile);

    assertFalse(fake.isLiveKey(42, "in-use"));
    assertTrue(fake.isLiveKey(42, first));
    assertTrue(fake.isLiveKey(42, Files.readString(keyFile)));
  }

  @Test
  void aLostResponseStillEndsWithALivePublishedKeyAndOneRegeneration(SpiceCloudFake fake, SpiceCloudClient client,
      @TempDir Path dir) throws Exception {
    fake.app(42).apiKeys("in-use", "standby");
    fake.failNext(Operation.REGENERATE_API_KEY, Fault.responseLost());
    Path keyFile = dir.resolve("runtime.key");
    Files.writeString(keyFile, "in-use");

    KeyRotator.rotate(client, 42, keyFile);

    assertTrue(fake.isLiveKey(42, Files.readString(keyFile)));
    assertTrue(fake.isLiveKey(42, "in-use"));
    assertEquals(1, fake.requests(Operation.REGENERATE_API_KEY).size());
  }

  @Test
  void theFirstRunPublishesThePrimaryThenRotatesTheSecondary(SpiceCloudFake fake, SpiceCloudClient client,
      @TempDir Path dir) throws Exception {
    fake.app(42).apiKeys("primary", "secondary");
    Path keyFile = dir.resolve("runtime.key");

    KeyRotator.rotate(client, 42, keyFile);

    assertTrue(fake.isLiveKey(42, "primary"));
    assertFalse(fake.isLiveKey(42, "secondary"));
    assertTrue(fake.isLiveKey(42, Files.readString(keyFile)));
  }
}
