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
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return inner.invoke(proxy, method, args);
      }
      requireParams(method, args);
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

  private static void requireParams(Method method, Object[] args) {
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation a : annotations[i]) {
        if (a instanceof Param && args[i] == null) {
          throw new NullPointerException(((Param) a).value() + " must not be null");
        }
      }
    }
  }
}
