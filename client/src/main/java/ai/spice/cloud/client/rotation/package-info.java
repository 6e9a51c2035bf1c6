/**
 * Zero-downtime rotation of an app's two runtime API keys: {@link ai.spice.cloud.client.rotation.ApiKeyRotation}.
 */
package ai.spice.cloud.client.rotation;
