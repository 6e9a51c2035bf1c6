/**
 * Feign plumbing behind {@link ai.spice.cloud.client.SpiceCloudClient}. Not API: may change in any release.
 */
package ai.spice.cloud.client.internal;
