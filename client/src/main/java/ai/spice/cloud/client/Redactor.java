package ai.spice.cloud.client;

import java.nio.charset.StandardCharsets;

/**
 * Removes credentials from text bound for a log line or an exception. A server, a proxy or an attacker controls
 * that text, so every step is one forward pass: time linear in its length (no regular expressions, which
 * backtracked to seconds per kilobyte on long runs of letters).
 *
 * <p>What is masked: the attempt's own token wherever it appears; the value after {@code Bearer}; the value of
 * a member (JSON or {@code name=value}) whose name is a secret member ({@link Models#SECRET_MEMBERS}) or ends
 * in {@code api_key}, {@code apikey} (optionally numbered), {@code token}, {@code secret} or {@code password},
 * also when the JSON around it is broken or cut short; and, in bodies, any run of 16 or more key characters
 * with a digit or a capital letter, whatever surrounds it (so a UUID is masked too).
 */
final class Redactor {

  static final String MASK = "***";
  private static final int KEY_SHAPED_LENGTH = 16;
  private static final String[] SECRET_SUFFIXES = {"token", "secret", "password"};

  private Redactor() {}

  /** For request lines, header values and messages. */
  static String redact(String text, String secret) {
    return text == null || text.isEmpty() ? text : scan(withoutSecret(text, secret), false);
  }

  /** For bodies, which may be broken JSON: {@link #redact} plus masking of key-shaped runs. */
  static String redactBody(String text, String secret) {
    return text == null || text.isEmpty() ? text : scan(withoutSecret(text, secret), true);
  }

  /** A bounded, redacted start of a body; "…" marks a cut. */
  static String excerpt(byte[] body, int maxChars, String secret) {
    if (body == null || body.length == 0) {
      return "";
    }
    int window = Math.min(body.length, maxChars * 4);
    String text = new String(body, 0, window, StandardCharsets.UTF_8);
    boolean cut = window < body.length;
    if (cut) { // the window may end inside a key: drop that run rather than show a part of it
      int end = text.length();
      while (end > 0 && isKeyChar(text.charAt(end - 1))) {
        end--;
      }
      text = text.substring(0, end);
    }
    String redacted = redactBody(text, secret);
    if (redacted.length() > maxChars) {
      redacted = redacted.substring(0, maxChars);
      cut = true;
    }
    return cut ? redacted + "…" : redacted;
  }

  private static String scan(String text, boolean body) {
    int n = text.length();
    StringBuilder out = new StringBuilder(n);
    int plainUntil = 0; // key runs starting before this are known not to be key-shaped
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (body && i >= plainUntil && isKeyChar(c)) {
        int end = i;
        boolean digitOrCapital = false;
        while (end < n && isKeyChar(text.charAt(end))) {
          char k = text.charAt(end++);
          digitOrCapital |= k >= '0' && k <= '9' || k >= 'A' && k <= 'Z';
        }
        if (digitOrCapital && end - i >= KEY_SHAPED_LENGTH) {
          out.append(MASK);
          i = end;
          continue;
        }
        plainUntil = end; // no part of a run that is not key-shaped is key-shaped
      }
      if (isNameChar(c) && (i == 0 || !isNameChar(text.charAt(i - 1)))) {
        int end = i;
        while (end < n && isNameChar(text.charAt(end))) {
          end++;
        }
        int next = maskValue(text, i, end, out);
        if (next < 0) {
          out.append(text, i, end);
          next = end;
        }
        i = next;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /**
   * If the name {@code text[start, end)} introduces a secret, appends it, what separates it from its value and
   * the mask, and returns where the value ends; else returns -1 and appends nothing.
   */
  private static int maskValue(String text, int start, int end, StringBuilder out) {
    int n = text.length();
    if (end - start == 6 && text.regionMatches(true, start, "bearer", 0, 6) && end < n
        && Character.isWhitespace(text.charAt(end))) {
      int value = skipWhitespace(text, end);
      int valueEnd = value;
      while (valueEnd < n && !Character.isWhitespace(text.charAt(valueEnd)) && ",;\"".indexOf(text.charAt(valueEnd)) < 0) {
        valueEnd++;
      }
      if (valueEnd == value) {
        return -1;
      }
      out.append(text, start, value).append(MASK);
      return valueEnd;
    }
    if (!isSecretName(text, start, end)) {
      return -1;
    }
    int separator = end < n && text.charAt(end) == '"' ? end + 1 : end;
    separator = skipWhitespace(text, separator);
    if (separator >= n || text.charAt(separator) != ':' && text.charAt(separator) != '=') {
      return -1;
    }
    int value = skipWhitespace(text, separator + 1);
    int valueEnd = value;
    if (value < n && text.charAt(value) == '"') { // a JSON string, possibly cut short: up to its closing quote
      valueEnd++;
      while (valueEnd < n && text.charAt(valueEnd) != '"') {
        valueEnd += text.charAt(valueEnd) == '\\' ? 2 : 1;
      }
      valueEnd = Math.min(n, valueEnd + 1);
    } else { // a bare token, up to what ends a JSON value or a form field
      while (valueEnd < n && !Character.isWhitespace(text.charAt(valueEnd)) && ",}]&".indexOf(text.charAt(valueEnd)) < 0) {
        valueEnd++;
      }
      if (valueEnd == value || text.regionMatches(true, value, "null", 0, 4) && valueEnd - value == 4) {
        return -1;
      }
    }
    out.append(text, start, value).append('"').append(MASK).append('"');
    return valueEnd;
  }

  private static boolean isSecretName(String text, int start, int end) {
    for (String member : Models.SECRET_MEMBERS) {
      if (member.length() == end - start && text.regionMatches(true, start, member, 0, member.length())) {
        return true;
      }
    }
    for (String suffix : SECRET_SUFFIXES) {
      if (endsWith(text, start, end, suffix)) {
        return true;
      }
    }
    int stem = end; // api_key, apikey2, api_key_2, x-api-key ...
    while (stem > start && Character.isDigit(text.charAt(stem - 1))) {
      stem--;
    }
    if (stem < end && stem > start && (text.charAt(stem - 1) == '_' || text.charAt(stem - 1) == '-')) {
      stem--;
    }
    return endsWith(text, start, stem, "apikey") || endsWith(text, start, stem, "api_key")
        || endsWith(text, start, stem, "api-key");
  }

  private static boolean endsWith(String text, int start, int end, String suffix) {
    return end - start >= suffix.length() && text.regionMatches(true, end - suffix.length(), suffix, 0, suffix.length());
  }

  private static int skipWhitespace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Replaces every occurrence of the known secret (Knuth-Morris-Pratt: linear whatever the text). */
  private static String withoutSecret(String text, String secret) {
    if (secret == null || secret.length() < 4) {
      return text;
    }
    int m = secret.length();
    int[] fallback = new int[m];
    for (int i = 1, k = 0; i < m; i++) {
      while (k > 0 && secret.charAt(i) != secret.charAt(k)) {
        k = fallback[k - 1];
      }
      if (secret.charAt(i) == secret.charAt(k)) {
        k++;
      }
      fallback[i] = k;
    }
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0, k = 0; i < text.length(); i++) {
      while (k > 0 && text.charAt(i) != secret.charAt(k)) {
        k = fallback[k - 1];
      }
      if (text.charAt(i) == secret.charAt(k) && ++k == m) {
        out = out == null ? new StringBuilder(text.length()) : out;
        out.append(text, copied, i + 1 - m).append(MASK);
        copied = i + 1;
        k = 0;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** Characters of a member name: letters, digits, '_' and '-'. */
  private static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  /** Characters a key or token is made of (base64 and URL-safe alphabets, JWT dots). */
  private static boolean isKeyChar(char c) {
    return isNameChar(c) || c == '+' || c == '=' || c == '.' || c == '/';
  }
}
