package ai.spice.cloud.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.GzipSource;
import okio.Okio;

/**
 * One OkHttp exchange per attempt, and the one place that keeps OkHttp from sending anything on its own.
 *
 * <p>OkHttp's {@code RetryAndFollowUpInterceptor} acts on some answers below any application interceptor.
 * {@link #configure}'s settings switch most of it off (no re-send after a connection failure or a 408, no
 * redirects, no 401 authenticator). No setting stops the rest: a re-send (POST included) after a 503 with
 * {@code Retry-After: 0} or a 421 on a coalesced HTTP/2 connection, a {@code ProtocolException} for a 407
 * without a proxy, a raw {@code NumberFormatException} for a huge {@code Retry-After}. So {@link FollowUpGuard},
 * a network interceptor and the last hook before that logic, hands such an answer to the pipeline as it came,
 * past OkHttp inside an exception: no status or header is changed or hidden.
 */
final class Transport {

  /** Longest body the client reads; the API's answers are a few hundred bytes. */
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final FollowUpGuard GUARD = new FollowUpGuard();

  private Transport() {}

  /** The given client (its pool, dispatcher, proxy, TLS, interceptors, listener) with the safety settings. */
  static OkHttpClient configure(OkHttpClient base, Duration connect, Duration read, Duration attempt) {
    OkHttpClient.Builder http = base.newBuilder()
        .connectTimeout(connect)
        .readTimeout(read)
        .writeTimeout(read)
        // readTimeout only bounds silence between bytes; this bounds a whole attempt, body included.
        .callTimeout(attempt)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .authenticator(Authenticator.NONE);
    if (!base.networkInterceptors().contains(GUARD)) {
      http.addNetworkInterceptor(GUARD);
    }
    return http.build();
  }

  /**
   * @return the answer's head; its body is still to be read
   * @throws IOException when no complete head arrived: nothing was answered, so a read may be retried
   */
  static Response send(OkHttpClient http, Request request, CallContext call) throws IOException {
    Call exchange = http.newCall(request);
    long remaining = call.remainingNanos();
    if (remaining < TimeUnit.MILLISECONDS.toNanos(http.callTimeoutMillis())) {
      exchange.timeout().timeout(Math.max(remaining, TimeUnit.MILLISECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
    }
    try {
      return exchange.execute();
    } catch (HandedOver answer) {
      return answer.response;
    }
  }

  /** At most {@link #MAX_BODY_BYTES} + 1 bytes: one more than allowed tells a body that is too large. */
  static byte[] readBody(Response response) throws IOException {
    return read(response.body().source(), response.body().contentLength());
  }

  private static byte[] read(BufferedSource source, long length) throws IOException {
    if (length >= 0 && length <= MAX_BODY_BYTES) {
      return source.readByteArray(length);
    }
    source.request(MAX_BODY_BYTES + 1L);
    return source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), MAX_BODY_BYTES + 1L));
  }

  /** Hands the answers OkHttp would act on straight to {@link #send}. */
  private static final class FollowUpGuard implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      int code = response.code();
      if (code != 407 && code != 421 && !(code == 503 && response.header("Retry-After") != null)) {
        return response;
      }
      // Below OkHttp's transparent gzip, which this answer will skip: undo it here.
      boolean gzip = "gzip".equalsIgnoreCase(response.header("Content-Encoding"));
      byte[] bytes;
      try (response) {
        bytes = gzip ? read(Okio.buffer(new GzipSource(response.body().source())), -1) : readBody(response);
      }
      Response.Builder answer = response.newBuilder().body(ResponseBody.create(bytes, response.body().contentType()));
      if (gzip) {
        answer.removeHeader("Content-Encoding").removeHeader("Content-Length");
      }
      throw new HandedOver(answer.build());
    }
  }

  /** Carries an answer past OkHttp's follow-up logic, which passes any IOException on when re-sends are off. */
  private static final class HandedOver extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Response response;

    HandedOver(Response response) {
      super("HTTP " + response.code() + ", handed to the client's own decoding");
      this.response = response;
    }
  }
}
