package ai.spice.cloud.client;

import static ai.spice.cloud.client.testing.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.spice.cloud.client.errors.InternalServerException;
import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.model.ApiKeys;
import ai.spice.cloud.client.testing.CapturedLogs;
import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regressions of the earlier redactor, whose regular expressions backtracked: at FULL logging a 20 KB HTML 502
 * took about 9 s per attempt, and a 200 carrying megabytes of letters inside valid JSON did not return within
 * 45 s. The bounds here are generous (seconds for what takes milliseconds); super-linear redaction misses them.
 */
class FullLoggingOfLargeBodiesTest extends ServerTest {

  private static final Duration BOUND = Duration.ofSeconds(10);

  @BeforeEach
  void clearLogs() {
    CapturedLogs.clear();
  }

  private SpiceCloudClient verbose() {
    return clientBuilder().logLevel(LogLevel.FULL).build();
  }

  @Test
  void aRetriedGetAnswered20KbHtml502PagesAtFullLoggingEndsInSeconds() {
    // A proxy's error page: markup, and a trace id dump (one long run of word characters).
    String page = "<html><head><title>502 Bad Gateway</title></head><body>"
        + "<div class=\"error-page\">upstream unavailable</div>".repeat(100)
        + "<!-- trace " + "0123456789abcdef".repeat(1000) + " --></body></html>";
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(page).build());
    }

    InternalServerException e = assertTimeoutPreemptively(BOUND,
        () -> catchThrowableOfType(InternalServerException.class, () -> verbose().apiKeys().getApiKeys(1L)));

    assertThat(page.length()).isGreaterThan(20_000);
    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(CapturedLogs.text()).contains("upstream unavailable");
  }

  @Test
  void aValidJsonBodyWithAMegabyteOfLettersIsLoggedAndDecodedInSeconds() {
    String letters = "x".repeat(1_000_000);
    server.enqueue(json(200, "{\"api_key\":\"" + KEY_1 + "\",\"x-spice-test-note\":\"" + letters + "\",\"api_key_2\":null}"));

    ApiKeys keys = assertTimeoutPreemptively(BOUND, () -> verbose().apiKeys().getApiKeys(1L));

    assertThat(keys.getApiKey()).isEqualTo(KEY_1);
    assertThat(CapturedLogs.text()).contains(letters).doesNotContain(KEY_1);
  }

  @Test
  void validJsonWithMegabytesOfLettersFailsTypedInSeconds() {
    server.enqueue(json(200, "{\"api_key\":\"" + KEY_1 + "\",\"x-spice-test-note\":\"" + "x".repeat(4 << 20) + "\"}"));

    SpiceCloudInvalidResponseException e = assertTimeoutPreemptively(BOUND, () -> catchThrowableOfType(
        SpiceCloudInvalidResponseException.class, () -> verbose().apiKeys().getApiKeys(1L)));

    assertThat(e.getMessage()).contains("too large");
    assertThat(CapturedLogs.text()).doesNotContain(KEY_1);
  }

  @Test
  void anEightMegabytePathologicalBodyFailsTypedInSeconds() {
    // Member names, cut strings and dotted runs: what made the old expressions try every split.
    String body = "{\"api_key\":\"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z " .repeat(8 << 20 >> 6);
    server.enqueue(json(200, body));

    SpiceCloudInvalidResponseException e = assertTimeoutPreemptively(BOUND, () -> catchThrowableOfType(
        SpiceCloudInvalidResponseException.class, () -> verbose().apiKeys().getApiKeys(1L)));

    assertThat(body.length()).isGreaterThanOrEqualTo(8 << 20);
    assertThat(e.bodyExcerpt()).hasSizeLessThanOrEqualTo(513);
  }
}
