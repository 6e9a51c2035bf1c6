package ai.spice.cloud.client;

import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import java.io.IOException;
import java.time.Clock;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What one API call does, in the order it happens. Each stage is one class; this method is the order.
 *
 * <ol>
 *   <li>Build: the method's {@link Operation}, planned once per method, turns the arguments into a request.
 *   <li>Authenticate ({@link BearerAuth}), per attempt; an operation the spec leaves public gets no token. A 401
 *       tells the token provider its token was refused.
 *   <li>Log ({@link HttpLogger}), secrets masked.
 *   <li>Send ({@link Transport}): one OkHttp exchange, which OkHttp itself never repeats or follows.
 *   <li>Decode ({@link Decoder}): the result of a 2xx, the typed exception of anything else.
 *   <li>Retry ({@link RetryPolicy}): go round again, or throw what the last attempt got.
 * </ol>
 * The {@link CallContext} carries what the stages share.
 */
final class Pipeline {

  private final BearerAuth auth;
  private final HttpLogger logger;
  private final RetryPolicy retry;
  private final Clock clock;
  private final long timeoutNanos; // the whole call's, unless its options set another
  private final boolean strictDecoding;

  Pipeline(SpiceCloudClient.Builder settings) {
    this.auth = new BearerAuth(settings.tokens);
    this.logger = new HttpLogger(settings.logLevel);
    this.retry = new RetryPolicy(settings);
    this.clock = settings.clock;
    this.timeoutNanos = settings.timeout.toNanos();
    this.strictDecoding = settings.strictDecoding;
  }

  Object call(Operation operation, Object[] args, OkHttpClient http, RequestOptions options) {
    Request.Builder request = operation.request(args, options);
    CallContext call = new CallContext(operation, options.timeout == null ? timeoutNanos : options.timeout.toNanos());
    while (true) {
      call.nextAttempt(logger.on());
      if (!operation.isPublic) {
        auth.authenticate(request, call);
      }
      call.request = request.build();
      logger.request(call);
      Response response;
      try {
        response = Transport.send(http, call.request, call);
      } catch (IOException noAnswer) { // refused, reset, or timed out before the response head
        logger.failed(call, noAnswer);
        if (retry.waitBeforeRetry(call, 0, null)) {
          continue;
        }
        throw Decoder.io(call, noAnswer);
      }
      byte[] body;
      try (response) {
        body = Transport.readBody(response);
      } catch (IOException midBody) { // the server answered: whatever it did, it is not asked again
        logger.failed(call, midBody);
        throw Decoder.io(call, midBody);
      }
      logger.response(call, response, body);
      if (response.isSuccessful()) {
        return Decoder.result(call, response, body, strictDecoding);
      }
      SpiceCloudServiceException error = Decoder.failure(call, response, body, clock);
      if (response.code() == 401 && !operation.isPublic) {
        auth.rejected(call); // a cached token the API refused is dropped; the next call gets a fresh one
      }
      if (!retry.waitBeforeRetry(call, response.code(), response.header("Retry-After"))) {
        throw error;
      }
    }
  }
}
