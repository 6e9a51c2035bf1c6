package ai.spice.cloud.client.internal;

import feign.Contract;
import feign.MethodMetadata;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Feign requires every body parameter to be non-null. The generator marks a body the spec declares
 * {@code required: false} as {@code @Nullable}; this contract lets exactly those be {@code null}.
 */
public final class OptionalBodyContract implements Contract {

  private final Contract delegate;

  public OptionalBodyContract(Contract delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
    List<MethodMetadata> all = delegate.parseAndValidateMetadata(targetType);
    for (MethodMetadata md : all) {
      Integer body = md.bodyIndex();
      Method method = md.method();
      if (body != null && method != null && isNullable(method.getParameterAnnotations()[body])) {
        md.setBodyRequired(false);
      }
    }
    return all;
  }

  private static boolean isNullable(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }
}
