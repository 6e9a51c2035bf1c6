package ai.spice.cloud.client;

import java.nio.charset.StandardCharsets;

/**
 * Removes credentials from text bound for a log line or an exception. A server, a proxy or an attacker controls
 * that text, so each step is one forward pass, linear in its length. Masked: the attempt's token anywhere; the
 * value after {@code Bearer}; the value of a member (JSON or {@code name=value}, broken or cut short too) named
 * in {@link Models#SECRET_MEMBERS} or ending in {@code api_key}, {@code apikey}, {@code api-key} (numbered or
 * not), {@code token}, {@code secret} or {@code password}; in bodies, any run of 16 or more key characters with
 * a digit or a capital letter.
 */
final class Redactor {

  static final String MASK = "***";
  private static final String[] SUFFIXES = {"token", "secret", "password"};
  private static final String[] KEY_SUFFIXES = {"apikey", "api_key", "api-key"};

  private Redactor() {}

  /** For request lines, header values and messages. */
  static String redact(String text, String secret) {
    return text == null || text.isEmpty() ? text : scan(withoutSecret(text, secret), false);
  }

  /** For bodies, which may be broken JSON: {@link #redact} plus key-shaped runs. */
  static String redactBody(String text, String secret) {
    return text == null || text.isEmpty() ? text : scan(withoutSecret(text, secret), true);
  }

  /** A bounded, redacted start of a body; "…" marks a cut. */
  static String excerpt(byte[] body, int maxChars, String secret) {
    int window = Math.min(body.length, maxChars * 4);
    String text = new String(body, 0, window, StandardCharsets.UTF_8);
    boolean cut = window < body.length;
    int end = text.length();
    while (cut && end > 0 && isKeyChar(text.charAt(end - 1))) {
      end--; // the window may end inside a key: drop that run rather than show a part of it
    }
    String redacted = redactBody(text.substring(0, end), secret);
    cut |= redacted.length() > maxChars;
    return cut ? redacted.substring(0, Math.min(maxChars, redacted.length())) + "…" : redacted;
  }

  private static String scan(String text, boolean body) {
    int n = text.length();
    StringBuilder out = new StringBuilder(n);
    int plainUntil = 0; // key runs starting before this are known not to be key-shaped
    for (int i = 0; i < n; ) {
      char c = text.charAt(i);
      if (body && i >= plainUntil && isKeyChar(c)) {
        int end = i;
        boolean digitOrCapital = false;
        for (; end < n && isKeyChar(text.charAt(end)); end++) {
          digitOrCapital |= Character.isDigit(text.charAt(end)) || Character.isUpperCase(text.charAt(end));
        }
        if (digitOrCapital && end - i >= 16) {
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
        }
        i = next < 0 ? end : next;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * If the name {@code text[start, end)} introduces a secret, appends it, its separator and the mask, and
   * returns where the value ends; else appends nothing and returns -1.
   */
  private static int maskValue(String text, int start, int end, StringBuilder out) {
    int n = text.length();
    if (end - start == 6 && text.regionMatches(true, start, "bearer", 0, 6) && end < n
        && Character.isWhitespace(text.charAt(end))) {
      int value = skipWhitespace(text, end);
      int valueEnd = skipUntil(text, value, ",;\"");
      if (valueEnd == value) {
        return -1;
      }
      out.append(text, start, value).append(MASK);
      return valueEnd;
    }
    if (!isSecretName(text, start, end)) {
      return -1;
    }
    int separator = skipWhitespace(text, end < n && text.charAt(end) == '"' ? end + 1 : end);
    if (separator >= n || text.charAt(separator) != ':' && text.charAt(separator) != '=') {
      return -1;
    }
    int value = skipWhitespace(text, separator + 1);
    int valueEnd = value;
    if (value < n && text.charAt(value) == '"') { // a JSON string, possibly cut short
      for (valueEnd++; valueEnd < n && text.charAt(valueEnd) != '"'; ) {
        valueEnd += text.charAt(valueEnd) == '\\' ? 2 : 1;
      }
      valueEnd = Math.min(n, valueEnd + 1);
    } else { // a bare token, up to what ends a JSON value or a form field
      valueEnd = skipUntil(text, value, ",}]&");
      if (valueEnd == value || valueEnd - value == 4 && text.regionMatches(true, value, "null", 0, 4)) {
        return -1;
      }
    }
    out.append(text, start, value).append('"').append(MASK).append('"');
    return valueEnd;
  }

  /** Whether a member of this name holds a secret (its value is masked wherever it shows). */
  static boolean isSecretName(String name) {
    return isSecretName(name, 0, name.length());
  }

  private static boolean isSecretName(String text, int start, int end) {
    for (String member : Models.SECRET_MEMBERS) {
      if (member.length() == end - start && text.regionMatches(true, start, member, 0, member.length())) {
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
    return endsWith(text, start, end, SUFFIXES) || endsWith(text, start, stem, KEY_SUFFIXES);
  }

  private static boolean endsWith(String text, int start, int end, String[] suffixes) {
    for (String s : suffixes) {
      if (end - start >= s.length() && text.regionMatches(true, end - s.length(), s, 0, s.length())) {
        return true;
      }
    }
    return false;
  }

  private static int skipWhitespace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipUntil(String text, int i, String stops) {
    while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && stops.indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  /** Every occurrence of the known secret (Knuth-Morris-Pratt: linear whatever the text). */
  private static String withoutSecret(String text, String secret) {
    if (secret == null || secret.length() < 4) {
      return text;
    }
    int[] fallback = new int[secret.length()];
    for (int i = 1, k = 0; i < secret.length(); fallback[i++] = k) {
      while (k > 0 && secret.charAt(i) != secret.charAt(k)) {
        k = fallback[k - 1];
      }
      k += secret.charAt(i) == secret.charAt(k) ? 1 : 0;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (int i = 0, k = 0; i < text.length(); i++) {
      while (k > 0 && text.charAt(i) != secret.charAt(k)) {
        k = fallback[k - 1];
      }
      if (text.charAt(i) == secret.charAt(k) && ++k == secret.length()) {
        out.append(text, copied, i + 1 - k).append(MASK);
        copied = i + 1;
        k = 0;
      }
    }
    return copied == 0 ? text : out.append(text, copied, text.length()).toString();
  }

  private static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  /** Characters keys and tokens are made of (base64 and URL-safe alphabets, JWT dots). */
  private static boolean isKeyChar(char c) {
    return isNameChar(c) || c == '+' || c == '=' || c == '.' || c == '/';
  }
}
