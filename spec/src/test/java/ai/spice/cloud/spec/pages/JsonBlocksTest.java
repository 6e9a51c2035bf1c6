package ai.spice.cloud.spec.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.spice.cloud.spec.tool.SpecException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBlocksTest {
  private static List<String> texts(String page) {
    return JsonBlocks.extract(page, "p.md").stream().map(JsonBlocks.Block::text).toList();
  }

  @Test
  void eachJsonBlockIsTakenExactlyAsWrittenWithItsLineEndings() {
    String page = "# T\n\n```json\n{\"a\":1}\n```\n\ntext\n\n```JSON title=\"x\"\n  {\n\t\"b\" : 2 }  \r\n```\n";

    assertEquals(List.of("{\"a\":1}\n", "  {\n\t\"b\" : 2 }  \r\n"), texts(page));
    assertEquals(List.of(3, 9), JsonBlocks.extract(page, "p.md").stream().map(JsonBlocks.Block::line).toList());
  }

  @Test
  void otherBlocksAreSkippedWholeAndNotEveryBacktickLineIsAFence() {
    String page = "```yaml\na: 1\n```json\n```\n"      // a ```json line inside a yaml block opens nothing
        + "~~~~ markdown\n```json\n{\"quoted\":1}\n```\n~~~~\n"  // nor inside a longer tilde fence
        + "    ```json\n    {\"code\":1}\n    ```\n"            // four spaces: indented code, not a fence
        + "``json`` is inline code\n"
        + "   ```json\n{\"real\":1}\n   ````\n";                 // up to three spaces; a longer closing fence

    assertEquals(List.of("{\"real\":1}\n"), texts(page));
  }

  @Test
  void aBlockTheClosingFenceOfWhichIsMissingIsAnErrorNotATruncatedImport() {
    SpecException e = assertThrows(SpecException.class, () -> texts("```json\n{}\n```\n\n```json\n{\"a\":"));

    assertEquals("page p.md: block 2 (line 5) is not closed: the page ends inside it (truncated?)", e.getMessage());
  }

  @Test
  void aLargePageIsReadInLinearTime() {
    // About 12 MB, built to defeat the shortcuts a quadratic scan would take: 200,000 fence-like lines inside
    // a yaml block, 200,000 lines of inline backticks, and one json block of 200,000 lines. A scan that looks
    // ahead for a closing fence from every line would need over 10^11 steps; a linear one a few times 10^7.
    StringBuilder page = new StringBuilder("# Big\n```yaml\n");
    page.append("```json\n".repeat(200_000)).append("```\n");
    page.append("some `code` and ``more`` ``` ` ```x` here\n".repeat(200_000));
    page.append("```json\n{\n");
    page.append("\"k\": \"```\",\n".repeat(200_000));
    page.append("\"end\": true}\n```\n");

    List<JsonBlocks.Block> blocks = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> JsonBlocks.extract(page.toString(), "big.md"));

    assertEquals(1, blocks.size());
    assertEquals(200_002, blocks.get(0).text().split("\n").length);
  }
}
