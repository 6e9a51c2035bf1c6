package ai.spice.cloud.client;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * A generated interface, implemented by a dynamic proxy that hands each call straight to the {@link Pipeline}
 * with the method's plan: no per-call reflection, templating or copying.
 */
final class Dispatcher implements InvocationHandler {

  private static final Object[] NO_ARGS = {};

  private final Class<?> api;
  private final Map<Method, Operation> operations;
  private final Pipeline pipeline;
  private final OkHttpClient http;
  private final RequestOptions options;

  private Dispatcher(Class<?> api, Map<Method, Operation> operations, Pipeline pipeline, OkHttpClient http,
      RequestOptions options) {
    this.api = api;
    this.operations = operations;
    this.pipeline = pipeline;
    this.http = http;
    this.options = options;
  }

  static <T> T proxy(Class<T> api, Map<Method, Operation> operations, Pipeline pipeline, OkHttpClient http,
      RequestOptions options) {
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
        new Dispatcher(api, operations, pipeline, http, options)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Operation operation = operations.get(method);
    if (operation != null) {
      return pipeline.call(operation, args == null ? NO_ARGS : args, http, options);
    }
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return api.getSimpleName() + " (" + options + ")";
      default:
        throw new UnsupportedOperationException(method.toString());
    }
  }
}
