package ai.spice.cloud.client.internal;

import feign.RequestTemplate;
import feign.codec.Encoder;
import java.lang.reflect.Type;

/** A {@code null} optional body means no body at all, not the JSON text {@code null}. */
public final class OptionalBodyEncoder implements Encoder {

  private final Encoder delegate;

  public OptionalBodyEncoder(Encoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    if (object != null) {
      delegate.encode(object, bodyType, template);
    }
  }
}
