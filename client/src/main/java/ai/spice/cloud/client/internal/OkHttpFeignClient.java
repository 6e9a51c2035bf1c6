package ai.spice.cloud.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

/**
 * Feign's transport on the client's OkHttp instance. Does what feign-okhttp's client does, minus its
 * per-call overhead (it copies the response headers twice and re-parses the Content-Type every time):
 * one OkHttp call per Feign request, never re-sent here; the OkHttp client's timeouts, interceptors and
 * pool apply; redirects are never followed; the response body is closed on any failure before it is handed to Feign.
 */
public final class OkHttpFeignClient implements Client {

  private final okhttp3.OkHttpClient http;
  /** The Content-Type the API sends is always the same string: parse it once. */
  private volatile MediaType lastContentType;

  public OkHttpFeignClient(okhttp3.OkHttpClient http) {
    this.http = http;
  }

  /**
   * Feign's per-call options are ignored: SpiceCloudClient gives Feign the same timeouts as the OkHttp
   * client, and per-call timeouts are a derived SpiceCloudClient ({@code withTimeouts}) sharing the pool.
   */
  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    okhttp3.Response response = http.newCall(toOkHttp(request)).execute();
    try {
      return toFeign(response, request);
    } catch (RuntimeException | Error e) {
      response.close();
      throw e;
    }
  }

  private okhttp3.Request toOkHttp(Request request) {
    okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(request.url());
    boolean withBody = request.httpMethod().isWithBody();
    MediaType contentType = null;
    boolean hasAccept = false;
    for (Map.Entry<String, Collection<String>> e : request.headers().entrySet()) {
      String name = e.getKey();
      hasAccept |= name.equalsIgnoreCase("Accept");
      boolean isContentType = name.equalsIgnoreCase("Content-Type");
      for (String value : e.getValue()) {
        if (isContentType) {
          contentType = mediaType(value);
          if (withBody) {
            continue; // OkHttp writes it from the body
          }
        }
        b.addHeader(name, value);
      }
    }
    if (!hasAccept) {
      b.addHeader("Accept", "*/*");
    }
    byte[] bytes = request.body();
    if (withBody && bytes == null) {
      bytes = new byte[0]; // a POST without body still needs Content-Length: 0
    }
    return b.method(request.httpMethod().name(), bytes == null ? null : RequestBody.create(bytes, contentType))
        .build();
  }

  private MediaType mediaType(String value) {
    MediaType last = lastContentType;
    if (last != null && last.toString().equals(value)) {
      return last;
    }
    MediaType parsed = MediaType.parse(value);
    lastContentType = parsed;
    return parsed;
  }

  private static Response toFeign(okhttp3.Response response, Request request) {
    ResponseBody body = response.body();
    Response.Body feignBody;
    if (body.contentLength() == 0) {
      body.close();
      feignBody = null;
    } else {
      feignBody = new Body(body);
    }
    return Response.builder()
        .protocolVersion(protocol(response.protocol()))
        .status(response.code())
        .reason(response.message())
        .request(request)
        .headers(headers(response.headers()))
        .body(feignBody)
        .build();
  }

  /** Feign copies this into its own case-insensitive map, so a plain one is enough here. */
  private static Map<String, Collection<String>> headers(Headers headers) {
    int size = headers.size();
    Map<String, Collection<String>> map = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      Collection<String> previous = map.putIfAbsent(name, List.of(value));
      if (previous != null) {
        List<String> values = new ArrayList<>(previous);
        values.add(value);
        map.put(name, values);
      }
    }
    return map;
  }

  private static Request.ProtocolVersion protocol(okhttp3.Protocol protocol) {
    switch (protocol) {
      case HTTP_1_0:
        return Request.ProtocolVersion.HTTP_1_0;
      case HTTP_2:
      case H2_PRIOR_KNOWLEDGE:
        return Request.ProtocolVersion.HTTP_2;
      default:
        return Request.ProtocolVersion.HTTP_1_1;
    }
  }

  /** The OkHttp body as Feign's; read once, closing it releases the connection. */
  private static final class Body implements Response.Body {
    private final ResponseBody body;
    private final Integer length;

    Body(ResponseBody body) {
      this.body = body;
      long n = body.contentLength();
      this.length = n >= 0 && n <= Integer.MAX_VALUE ? (int) n : null;
    }

    @Override
    public Integer length() {
      return length;
    }

    @Override
    public boolean isRepeatable() {
      return false;
    }

    @Override
    public InputStream asInputStream() {
      return body.byteStream();
    }

    @Override
    public Reader asReader(Charset charset) {
      return new InputStreamReader(body.byteStream(), charset);
    }

    @Override
    public void close() {
      body.close();
    }
  }
}
