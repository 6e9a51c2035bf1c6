package ai.spice.cloud.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * OkHttp acts on some responses by itself, below Feign and the retry policy: it re-sends the request
 * (POST included) after a 503 carrying {@code Retry-After: 0}, after a 408 and after a 421; it throws
 * {@code ProtocolException} for a 407 when no proxy is used and {@code NumberFormatException} for a
 * {@code Retry-After} beyond the int range on a 503. This network interceptor hides those triggers from
 * OkHttp (under private header names); {@link FollowUpRestoringClient} puts the original status and
 * headers back before Feign sees the response, so the retry decision stays with {@link GetOnlyRetryer}.
 */
public final class OkHttpFollowUpShield implements Interceptor {

  static final String ORIGINAL_STATUS = "X-Spice-Client-Original-Status";
  static final String HIDDEN_RETRY_AFTER = "X-Spice-Client-Retry-After";
  /** Not acted on by OkHttp; never seen by Feign or the caller. */
  static final int NEUTRAL_STATUS = 499;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    int code = response.code();
    boolean maskStatus = code == 407 || code == 408 || code == 421;
    boolean hideRetryAfter = response.header("Retry-After") != null;
    boolean spoofed = response.header(ORIGINAL_STATUS) != null || response.header(HIDDEN_RETRY_AFTER) != null;
    if (!maskStatus && !hideRetryAfter && !spoofed) {
      return response;
    }
    // Only values set here may reach FollowUpRestoringClient, never ones a server sent.
    Response.Builder b = response.newBuilder().removeHeader(ORIGINAL_STATUS).removeHeader(HIDDEN_RETRY_AFTER);
    if (hideRetryAfter) {
      b.removeHeader("Retry-After");
      for (String value : response.headers("Retry-After")) {
        b.addHeader(HIDDEN_RETRY_AFTER, value);
      }
    }
    if (maskStatus) {
      b.code(NEUTRAL_STATUS).header(ORIGINAL_STATUS, Integer.toString(code));
    }
    return b.build();
  }
}
