/**
 * A stateful fake of the Spice Cloud control plane for tests: {@link ai.spice.cloud.testing.SpiceCloudFake} (an
 * HTTP server on loopback implementing every operation of the merged OpenAPI document), the JUnit 5
 * {@link ai.spice.cloud.testing.SpiceCloudFakeExtension}, and {@link ai.spice.cloud.testing.Standalone} for
 * {@code java -jar spice-cloud-testing-<version>-standalone.jar}.
 */
package ai.spice.cloud.testing;
