package ai.spice.cloud.client.internal;

import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over Feign requests and responses. */
final class Exchanges {

  /** Longest body the client reads; the API's answers are a few hundred bytes. */
  static final int MAX_BODY_BYTES = 1 << 20;
  /** Length of body excerpts in exceptions. */
  static final int EXCERPT_CHARS = 512;

  private Exchanges() {}

  /** Reads the body (at most {@link #MAX_BODY_BYTES} + 1 bytes) and closes the response. */
  static byte[] readAndClose(Response response) throws IOException {
    try (response) {
      Response.Body body = response.body();
      if (body == null) {
        return new byte[0];
      }
      Integer length = body.length();
      try (InputStream in = body.asInputStream()) {
        if (length == null || length < 0 || length > MAX_BODY_BYTES) {
          return in.readNBytes(MAX_BODY_BYTES + 1);
        }
        // Known length: one exact array instead of readNBytes' chunk list and final copy.
        byte[] bytes = new byte[length];
        int read = in.readNBytes(bytes, 0, length);
        return read == length ? bytes : Arrays.copyOf(bytes, read);
      }
    }
  }

  static String path(Request request) {
    if (request == null) {
      return "?";
    }
    try {
      String path = URI.create(request.url()).getRawPath();
      return path == null || path.isEmpty() ? "/" : path;
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  static String method(Request request) {
    return request == null ? "?" : request.httpMethod().name();
  }

  /** The bearer token the request carried, so it can be scrubbed from what the server echoes. */
  static String bearerToken(Request request) {
    if (request == null) {
      return null;
    }
    for (Map.Entry<String, Collection<String>> e : request.headers().entrySet()) {
      if ("authorization".equalsIgnoreCase(e.getKey())) {
        for (String v : e.getValue()) {
          if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return v.substring(7).trim();
          }
        }
      }
    }
    return null;
  }

  static Map<String, List<String>> headers(Response response) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    response.headers().forEach((k, v) -> out.put(k, new ArrayList<>(v)));
    return out;
  }

  static String firstHeader(Response response, String name) {
    // Feign keeps response headers in a case-insensitive map; the loop covers any other map.
    Collection<String> direct = response.headers().get(name);
    if (direct != null) {
      return direct.isEmpty() ? null : direct.iterator().next();
    }
    for (Map.Entry<String, Collection<String>> e : response.headers().entrySet()) {
      if (name.equalsIgnoreCase(e.getKey()) && !e.getValue().isEmpty()) {
        return e.getValue().iterator().next();
      }
    }
    return null;
  }
}
