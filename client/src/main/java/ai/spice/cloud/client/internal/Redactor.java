package ai.spice.cloud.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes credentials from text that may reach a log line or an exception. */
public final class Redactor {

  /** What a redacted value reads as. */
  public static final String MASK = "***";

  // A JSON member whose name says it holds a credential. The value may be a string cut short by an
  // excerpt (no closing quote) or a bare token, so neither form can slip through.
  private static final Pattern SECRET_MEMBER = Pattern.compile(
      "(\"[A-Za-z0-9_\\-]*(?:api_?key(?:_?\\d+)?|token|secret|password)\"\\s*:\\s*)"
          + "(\"(?:[^\"\\\\]|\\\\.)*\"?|[^\\s,}\\]]+)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\",;]+");

  private Redactor() {}

  /**
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
    return redact(text, knownSecret) + (cut ? "…" : "");
  }
}
