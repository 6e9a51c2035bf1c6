package ai.spice.cloud.client.invoker;

/**
 * Home of the marker interface the generated Feign APIs extend, hand-written on purpose: the generator's own
 * {@code ApiClient} for feign pulls in feign-form, java.util.logging and OAuth helpers that need scribejava;
 * {@link ai.spice.cloud.client.SpiceCloudClient} does the wiring instead.
 */
public final class ApiClient {

  private ApiClient() {}

  /** Marker for every generated API interface. */
  public interface Api {}
}
