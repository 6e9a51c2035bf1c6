/**
 * Credentials: where the bearer token of each request comes from. {@link ai.spice.cloud.client.auth.TokenProvider}
 * is the SPI; {@link ai.spice.cloud.client.auth.ClientCredentials} exchanges OAuth client credentials for cached,
 * refreshed access tokens; {@link ai.spice.cloud.client.auth.EnvironmentConfig} is what {@code fromEnv()} reads.
 */
package ai.spice.cloud.client.auth;
