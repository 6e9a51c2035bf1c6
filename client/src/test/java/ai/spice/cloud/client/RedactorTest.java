package ai.spice.cloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private static final String TOKEN = "tok-3c1f9a7e5b2d4c6a";
  private static final int EIGHT_MB = 8 << 20;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"api_key\":\"k1-secret\",\"api_key_2\":null}|{\"api_key\":\"***\",\"api_key_2\":null}",
      "{\"apiKey2\": \"abc\"}|{\"apiKey2\": \"***\"}",
      "{\"access_token\":\"abc\",\"regenerated_key\":2,\"key_number\":1}|{\"access_token\":\"***\",\"regenerated_key\":2,\"key_number\":1}",
      "{\"value\":\"hunter2\",\"name\":\"DB\"}|{\"value\":\"***\",\"name\":\"DB\"}",
      "client_secret=abc&grant_type=client_credentials|client_secret=\"***\"&grant_type=client_credentials",
      "{\"x-api-key\":\"abc\"}|{\"x-api-key\":\"***\"}",
      "{api_key\":\"abc\"}|{api_key\":\"***\"}",
      "{\"api_key\":\"abc|{\"api_key\":\"***\"",
      "{\"password\":\"a\\\"b\",\"ok\":1}|{\"password\":\"***\",\"ok\":1}",
      "Authorization: Bearer abc.def|Authorization: Bearer ***",
      "the token is fine|the token is fine",
      "insufficient_scope for this app|insufficient_scope for this app",
  })
  void masksSecretMembersAndBearerValuesAndKeepsTheRest(String in, String out) {
    assertThat(Redactor.redactBody(in, null)).isEqualTo(out);
  }

  @Test
  void masksTheKnownTokenAnywhereAndKeyShapedRunsInBodies() {
    assertThat(Redactor.redact("invalid token " + TOKEN + "!", TOKEN)).isEqualTo("invalid token ***!");
    assertThat(Redactor.redact("xx" + TOKEN + TOKEN, TOKEN)).isEqualTo("xx******");
    assertThat(Redactor.redactBody("[\"key1-8f2b6d0c4e9a1357\", \"plain words here\"]", null))
        .isEqualTo("[\"***\", \"plain words here\"]");
    // Headers and request lines keep key-shaped text (an id in a URL is not a secret).
    assertThat(Redactor.redact("/v1/apps/9007199254740993/api-keys", null)).isEqualTo("/v1/apps/9007199254740993/api-keys");
  }

  @Test
  void aSecretWithRepeatingPrefixesIsFoundWhereverItStarts() {
    String secret = "aab" + "aab" + "aac";
    assertThat(Redactor.redact("aabaabaabaac!", secret)).isEqualTo("aab***!");
  }

  @Test
  void anExcerptIsBoundedAndNeverShowsPartOfAKeyCutByItsWindow() {
    // 2016 characters that mask down to 384, then the window of 2048 bytes ends 8 characters into a key.
    String body = "A1b2C3d4E5f6G7h8i9j0 ".repeat(96) + "y ".repeat(12) + "sk-AAAAAAAAAAAAAAAAAAAAAAAA\"}";

    String excerpt = Redactor.excerpt(body.getBytes(StandardCharsets.UTF_8), 512, null);

    assertThat(excerpt).hasSizeLessThanOrEqualTo(513).endsWith("…").doesNotContain("sk-AAAA");
    assertThat(Redactor.excerpt(new byte[0], 512, null)).isEmpty();
  }

  /**
   * Inputs that made the regular expressions of the earlier redactor backtrack (a 20 KB page took seconds):
   * 8 MB of each must be redacted in well under the limit, which only a pass linear in the input meets.
   */
  @ParameterizedTest(name = "8 MB of {0}")
  @ValueSource(strings = {"letters", "letters in a JSON string", "secret names", "secret members cut short",
      "bearers", "escapes", "key-shaped runs", "dotted words", "whitespace before a colon", "an HTML page"})
  void eightMegabytesOfPathologicalTextAreRedactedInLinearTime(String kind) {
    String text = pathological(kind);
    String secret = "a".repeat(63) + "b";

    String redacted = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Redactor.redactBody(text, secret));

    assertThat(redacted).isNotNull();
  }

  private static String pathological(String kind) {
    UnaryOperator<String> fill = unit -> unit.repeat(EIGHT_MB / unit.length());
    switch (kind) {
      case "letters":
        return fill.apply("a");
      case "letters in a JSON string":
        return "{\"a\":\"" + fill.apply("a") + "\"}";
      case "secret names":
        return fill.apply("api_key_token ");
      case "secret members cut short":
        return fill.apply("{\"api_key\":\"");
      case "bearers":
        return fill.apply("bearer ");
      case "escapes":
        return "{\"token\":\"" + fill.apply("\\\\");
      case "key-shaped runs":
        return fill.apply("A1b2C3d4E5f6G7h8i9 ");
      case "dotted words":
        return fill.apply("a.");
      case "whitespace before a colon":
        return fill.apply("token    ");
      default:
        return "<html><body>" + fill.apply("<div class=\"x\">Bad Gateway</div>") + "</body></html>";
    }
  }
}
