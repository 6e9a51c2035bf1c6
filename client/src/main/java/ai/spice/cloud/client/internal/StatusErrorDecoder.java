package ai.spice.cloud.client.internal;

import ai.spice.cloud.client.errors.BadRequestException;
import ai.spice.cloud.client.errors.ForbiddenException;
import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.NotFoundException;
import ai.spice.cloud.client.errors.RateLimitException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import ai.spice.cloud.client.errors.UnauthorizedException;
import ai.spice.cloud.client.errors.UnexpectedStatusException;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns every non-2xx response into a typed {@link SpiceCloudServiceException}. Only for GET, and only
 * for transient statuses, is it wrapped in a {@link RetryableException} so the retryer may try again:
 * a POST is never marked retryable here, whatever the status or {@code Retry-After}.
 */
public final class StatusErrorDecoder implements ErrorDecoder {

  private static final Set<Integer> TRANSIENT = Set.of(408, 429, 500, 502, 503, 504);

  private final Clock clock;

  public StatusErrorDecoder(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    Request request = response.request();
    byte[] body;
    try {
      body = Exchanges.readAndClose(response);
    } catch (IOException e) {
      body = new byte[0]; // the status alone still says what happened
    }
    String excerpt = Redactor.excerpt(body, Exchanges.EXCERPT_CHARS, Exchanges.bearerToken(request));
    SpiceCloudServiceException error = toException(response, Exchanges.method(request),
        Exchanges.path(request), Exchanges.headers(response), excerpt);
    if (request != null && request.httpMethod() == Request.HttpMethod.GET
        && TRANSIENT.contains(response.status())) {
      return new RetryableException(response.status(), error.getMessage(), Request.HttpMethod.GET,
          error, (Long) null, request);
    }
    return error;
  }

  private SpiceCloudServiceException toException(Response response, String method, String path,
      Map<String, List<String>> headers, String excerpt) {
    int status = response.status();
    switch (status) {
      case 400:
        return new BadRequestException(status, method, path, headers, excerpt);
      case 401:
        return new UnauthorizedException(status, method, path, headers, excerpt);
      case 403:
        return new ForbiddenException(status, method, path, headers, excerpt);
      case 404:
        return new NotFoundException(status, method, path, headers, excerpt);
      case 429:
        return new RateLimitException(status, method, path, headers, excerpt,
            RetryAfter.parse(Exchanges.firstHeader(response, "Retry-After"), clock).orElse(null));
      default:
        return status >= 500 && status <= 599
            ? new InternalServerException(status, method, path, headers, excerpt)
            : new UnexpectedStatusException(status, method, path, headers, excerpt);
    }
  }
}
