package ai.spice.cloud.spec.pages;

import ai.spice.cloud.spec.tool.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads a published page: a markdown file, an {@code https://} URL, or plain {@code http://} on loopback only
 * (a test's server; a page read in clear text from anywhere else could have been altered on the way).
 */
final class PageSource {
  /** Far above any docs page; a bigger answer is not a page and is not read into memory. */
  static final int MAX_BYTES = 16 * 1024 * 1024;
  private static final int MAX_REDIRECTS = 5;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      // Followed by hand, so every hop is held to the same rules as the first address.
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  /** The page's text; {@code base} resolves a relative file path. */
  String read(String source, Path base) {
    if (source.contains("://")) {
      URI uri;
      try {
        uri = URI.create(source);
      } catch (IllegalArgumentException e) {
        throw new SpecException("page " + source + ": not a valid address: " + e.getMessage());
      }
      return fetch(uri, source);
    }
    Path file = base.resolve(source);
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new SpecException("page " + source + ": larger than " + MAX_BYTES + " bytes, not a docs page");
      }
      return decode(Files.readAllBytes(file), source);
    } catch (IOException e) {
      throw new SpecException("page " + source + ": cannot read it: " + e);
    }
  }

  private String fetch(URI uri, String source) {
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      checkAllowed(uri, source);
      HttpRequest request = HttpRequest.newBuilder(uri)
          .timeout(TIMEOUT)
          .header("Accept", "text/markdown, text/plain;q=0.9, */*;q=0.1")
          .header("User-Agent", "spice-cloud-java-spec-import")
          .GET()
          .build();
      HttpResponse<InputStream> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw new SpecException("page " + source + ": cannot fetch " + uri + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SpecException("page " + source + ": interrupted while fetching " + uri);
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
        close(response);
        try {
          uri = uri.resolve(response.headers().firstValue("Location").get());
        } catch (IllegalArgumentException e) {
          throw new SpecException("page " + source + ": " + uri + " redirects to an invalid address");
        }
        continue;
      }
      if (status != 200) {
        close(response);
        throw new SpecException("page " + source + ": " + uri + " answered HTTP " + status);
      }
      String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
      if (type.startsWith("text/html")) {
        close(response);
        throw new SpecException("page " + source + ": " + uri + " is HTML, not markdown; list the page's "
            + "markdown address (ending in .md)");
      }
      try (InputStream body = response.body()) {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new SpecException("page " + source + ": larger than " + MAX_BYTES + " bytes, not a docs page");
        }
        return decode(bytes, source);
      } catch (IOException e) {
        throw new SpecException("page " + source + ": reading " + uri + " failed: " + e);
      }
    }
    throw new SpecException("page " + source + ": more than " + MAX_REDIRECTS + " redirects");
  }

  /** https anywhere; http only to a loopback address; nothing else. */
  static void checkAllowed(URI uri, String source) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") && uri.getHost() != null) {
      return;
    }
    if (scheme.equals("http") && isLoopback(uri.getHost())) {
      return;
    }
    throw new SpecException("page " + source + ": " + uri + " is not allowed: pages are read over https "
        + "(plain http only from a loopback address)");
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}") || h.equals("[::1]");
  }

  /** Strict UTF-8, so the bytes written back are exactly the bytes published. */
  private static String decode(byte[] bytes, String source) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new SpecException("page " + source + ": not UTF-8 text");
    }
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // nothing was read from it
    }
  }
}
