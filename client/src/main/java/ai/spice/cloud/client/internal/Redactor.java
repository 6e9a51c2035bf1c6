package ai.spice.cloud.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes credentials from text that may reach a log line or an exception. */
public final class Redactor {

  /** What a redacted value reads as. */
  public static final String MASK = "***";

  // A member whose name says it holds a credential. Quotes around the name are optional and the value
  // may be a string cut short by an excerpt (no closing quote) or a bare token, so a body broken by a
  // proxy or a truncation cannot slip a key through.
  private static final Pattern SECRET_MEMBER = Pattern.compile(
      "(\"?[A-Za-z0-9_\\-]*(?:api_?key(?:_?\\d+)?|token|secret|password)\"?\\s*[:=]\\s*)"
          + "(\"(?:[^\"\\\\]|\\\\.)*\"?|[^\\s,}\\]]+)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\",;]+");
  // In bodies only: a long unbroken token with a digit or a capital letter looks like a key whatever
  // surrounds it (a mangled member name, an array). Prose and snake_case error codes are kept.
  private static final Pattern KEY_SHAPED = Pattern.compile("[A-Za-z0-9_\\-+=./]{16,}");

  private Redactor() {}

  /**
   * For headers and request lines.
   *
   * @param text any text, may be null
   * @param knownSecret a secret to remove wherever it appears (the current bearer token), or null
   * @return the text with credential values replaced by {@link #MASK}
   */
  public static String redact(String text, String knownSecret) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (knownSecret != null && knownSecret.length() >= 4) {
      out = out.replace(knownSecret, MASK);
    }
    out = BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    Matcher m = SECRET_MEMBER.matcher(out);
    StringBuilder sb = new StringBuilder(out.length());
    while (m.find()) {
      String value = m.group(2);
      String replacement = value.equalsIgnoreCase("null") ? value : "\"" + MASK + "\"";
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * For bodies, which may be broken JSON: {@link #redact} plus masking of key-shaped tokens.
   *
   * @param text a body or part of one, may be null
   * @param knownSecret see {@link #redact}
   * @return the redacted text
   */
  public static String redactBody(String text, String knownSecret) {
    String out = redact(text, knownSecret);
    if (out == null || out.isEmpty()) {
      return out;
    }
    Matcher m = KEY_SHAPED.matcher(out);
    StringBuilder sb = new StringBuilder(out.length());
    while (m.find()) {
      String token = m.group();
      boolean keyLike = token.chars().anyMatch(c -> Character.isDigit(c) || Character.isUpperCase(c));
      m.appendReplacement(sb, Matcher.quoteReplacement(keyLike ? MASK : token));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * @param body raw response body, may be null
   * @param maxChars bound of the excerpt before redaction
   * @param knownSecret see {@link #redact}
   * @return a bounded, redacted excerpt ("…" marks a cut)
   */
  public static String excerpt(byte[] body, int maxChars, String knownSecret) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text = new String(body, 0, Math.min(body.length, maxChars * 4), StandardCharsets.UTF_8);
    boolean cut = text.length() > maxChars || body.length > maxChars * 4;
    if (text.length() > maxChars) {
      text = text.substring(0, maxChars);
    }
    return redactBody(text, knownSecret) + (cut ? "…" : "");
  }
}
