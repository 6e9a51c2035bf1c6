package ai.spice.cloud.client.invoker;

/**
 * Home of the marker interface that the generated Feign API interfaces extend.
 *
 * <p>Hand-written on purpose: openapi-generator's own {@code ApiClient} for the feign library pulls in
 * feign-form, java.util.logging and OAuth helpers that need scribejava. The generated APIs only need
 * {@code ApiClient.Api}; {@link ai.spice.cloud.client.SpiceCloudClient} does the wiring instead.
 */
public final class ApiClient {

  private ApiClient() {}

  /** Marker for every generated API interface. */
  public interface Api {}
}
