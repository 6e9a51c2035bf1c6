package ai.spice.cloud.spec.compat;

/** Escaping texts from a spec for Markdown (GitHub's flavour), so that nothing in them renders as markup. */
final class Markdown {
  /** Characters with an inline meaning: emphasis, code, links, HTML, entities, tables, strikethrough, math. */
  private static final String SIGNIFICANT = "\\`*_[]<>~|&#!$";

  private Markdown() {}

  /** Inline text: significant characters backslash-escaped (CommonMark allows it for any), line breaks made spaces. */
  static String text(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        b.append(' ');
      } else if (SIGNIFICANT.indexOf(c) >= 0) {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A code span that holds any text: the fence is longer than any backtick run inside. */
  static String code(String s) {
    String flat = s.replace('\n', ' ').replace('\r', ' ');
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = longest > 0 || flat.startsWith(" ") || flat.endsWith(" ") ? " " : "";
    return fence + pad + flat + pad + fence;
  }
}
