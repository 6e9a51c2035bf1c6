package ai.spice.cloud.client.internal;

import ai.spice.cloud.client.errors.SpiceCloudException;
import ai.spice.cloud.client.errors.SpiceCloudIoException;
import ai.spice.cloud.client.errors.SpiceCloudTimeoutException;
import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.Param;
import feign.Request;
import feign.Target;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * The one exit of every API call: whatever Feign or the transport throws leaves as a
 * {@link SpiceCloudException}, so no {@link FeignException} reaches the caller.
 */
public final class TranslatingInvocationHandlerFactory implements InvocationHandlerFactory {

  private final InvocationHandlerFactory delegate = new InvocationHandlerFactory.Default();

  @Override
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler inner = delegate.create(target, dispatch);
    // Reflection on annotations copies arrays on every call: resolve the required names once.
    Map<Method, String[]> required = new HashMap<>();
    for (Method method : dispatch.keySet()) {
      required.put(method, requiredParams(method));
    }
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return inner.invoke(proxy, method, args);
      }
      String[] names = required.get(method);
      requireParams(names == null ? requiredParams(method) : names, args);
      try {
        return inner.invoke(proxy, method, args);
      } catch (SpiceCloudException e) {
        throw e;
      } catch (FeignException e) {
        throw translate(e, e.request());
      } catch (IOException e) {
        throw io(e, null);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new SpiceCloudException("Call failed: " + t.getClass().getName(), t);
      }
    };
  }

  static RuntimeException translate(FeignException e, Request request) {
    Throwable cause = e.getCause();
    if (cause instanceof SpiceCloudException) {
      return (SpiceCloudException) cause;
    }
    if (cause instanceof IOException) {
      return io((IOException) cause, request);
    }
    // Not reached by the client's own decoders; never expose Feign's message, it may quote the body.
    return new SpiceCloudException(where(request) + "failed: " + e.getClass().getSimpleName()
        + (e.status() > 0 ? " (HTTP " + e.status() + ")" : ""), cause);
  }

  static SpiceCloudIoException io(IOException e, Request request) {
    String detail = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (e instanceof InterruptedIOException) { // SocketTimeoutException and OkHttp's call timeout
      return new SpiceCloudTimeoutException(where(request) + "timed out (" + detail + ")", e);
    }
    return new SpiceCloudIoException(where(request) + "failed: " + detail, e);
  }

  private static String where(Request request) {
    return request == null ? "" : Exchanges.method(request) + " " + Exchanges.path(request) + " ";
  }

  /** Per parameter position, the {@link Param} name if that argument must not be null, else null. */
  private static String[] requiredParams(Method method) {
    Annotation[][] annotations = method.getParameterAnnotations();
    String[] names = new String[annotations.length];
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation a : annotations[i]) {
        if (a instanceof Param && names[i] == null) {
          names[i] = ((Param) a).value();
        }
      }
    }
    return names;
  }

  private static void requireParams(String[] names, Object[] args) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null && args[i] == null) {
        throw new NullPointerException(names[i] + " must not be null");
      }
    }
  }
}
