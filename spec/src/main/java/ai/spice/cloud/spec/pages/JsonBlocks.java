package ai.spice.cloud.spec.pages;

import ai.spice.cloud.spec.tool.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fenced {@code json} code blocks of a markdown page, each exactly as written between its fences: every
 * line with its own line terminator, nothing trimmed, nothing re-indented. One pass over the page, each
 * character looked at a bounded number of times, so the cost is linear in the page size.
 *
 * <p>Fences follow CommonMark: up to three spaces of indentation, three or more backticks or tildes, an info
 * string whose first word is the language; the block ends at a line of at least as many of the same fence
 * characters and nothing else. Blocks in another language are skipped whole, so a {@code ```json} line
 * quoted inside them is not taken for a block.
 */
final class JsonBlocks {
  /** One block: its 1-based number among the page's json blocks, the line its fence opens on, its text. */
  record Block(int number, int line, String text) {}

  private JsonBlocks() {}

  static List<Block> extract(String page, String source) {
    List<Block> blocks = new ArrayList<>();
    int lineNumber = 0;
    int pos = 0;
    Fence open = null;
    int openLine = 0;
    int contentStart = 0;
    while (pos < page.length()) {
      int newline = page.indexOf('\n', pos);
      int end = newline < 0 ? page.length() : newline + 1;
      lineNumber++;
      if (open == null) {
        Fence fence = Fence.opening(page, pos, end);
        if (fence != null) {
          open = fence;
          openLine = lineNumber;
          contentStart = end;
        }
      } else if (open.closedBy(page, pos, end)) {
        if (open.json) {
          blocks.add(new Block(blocks.size() + 1, openLine, page.substring(contentStart, pos)));
        }
        open = null;
      }
      pos = end;
    }
    if (open != null && open.json) {
      throw new SpecException("page " + source + ": block " + (blocks.size() + 1) + " (line " + openLine
          + ") is not closed: the page ends inside it (truncated?)");
    }
    return blocks;
  }

  /** An opening fence: its character, its length, and whether the block is json. */
  private record Fence(char character, int length, boolean json) {
    static Fence opening(String page, int start, int end) {
      int i = skipIndent(page, start, end);
      if (i < 0 || i >= end) {
        return null;
      }
      char c = page.charAt(i);
      if (c != '`' && c != '~') {
        return null;
      }
      int run = i;
      while (run < end && page.charAt(run) == c) {
        run++;
      }
      if (run - i < 3) {
        return null;
      }
      String info = page.substring(run, end).strip();
      if (c == '`' && info.indexOf('`') >= 0) {
        return null; // an inline code span, not a fence
      }
      int space = 0;
      while (space < info.length() && !Character.isWhitespace(info.charAt(space)) && info.charAt(space) != '{') {
        space++;
      }
      return new Fence(c, run - i, info.substring(0, space).toLowerCase(Locale.ROOT).equals("json"));
    }

    boolean closedBy(String page, int start, int end) {
      int i = skipIndent(page, start, end);
      if (i < 0) {
        return false;
      }
      int run = i;
      while (run < end && page.charAt(run) == character) {
        run++;
      }
      if (run - i < length) {
        return false;
      }
      for (int k = run; k < end; k++) {
        if (!Character.isWhitespace(page.charAt(k))) {
          return false;
        }
      }
      return true;
    }

    /** The index after at most three leading spaces, or -1 when the line is indented further (code). */
    private static int skipIndent(String page, int start, int end) {
      int i = start;
      while (i < end && i - start < 4 && page.charAt(i) == ' ') {
        i++;
      }
      return i - start > 3 ? -1 : i;
    }
  }
}
