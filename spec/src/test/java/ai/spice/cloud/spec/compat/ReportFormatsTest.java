package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Checks.KEYS;
import static ai.spice.cloud.spec.compat.Checks.REGEN;
import static ai.spice.cloud.spec.compat.GateInputs.accepting;
import static ai.spice.cloud.spec.compat.TestDocs.obj;
import static ai.spice.cloud.spec.compat.TestDocs.prop;
import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every report format is parsed back the way its reader parses it; texts from the spec survive escaping. */
class ReportFormatsTest {
  /** A property name full of what each format must escape. */
  static final String ODD = "we|rd <b>*x*</b> `c` ~1 a,b:c%25 / next & more\u0001";
  private static final String ODD_PTR = KEYS + "/properties/" + OpenApiDocs.escape(ODD);

  /** Baseline with the odd property; the current document drops it, retypes regenerated_key, keeps the rest. */
  private static Verdict verdict(String accepted) {
    ObjectNode base = TestDocs.edited(d -> obj(d, KEYS + "/properties").putObject(ODD).put("type", "string"));
    ObjectNode cur = base.deepCopy();
    obj(cur, KEYS + "/properties").remove(ODD);
    prop(cur, "ApiKeysRegenerated", "regenerated_key").put("type", "string");
    return Gate.evaluate(GateInputs.inputs(GateInputs.yaml(base), GateInputs.yaml(cur), "0.1.0", "0.1.1", accepted));
  }

  private static int lineOf(String text, String... path) {
    String[] lines = text.split("\n", -1);
    int at = 0;
    for (String key : path) {
      while (!lines[at].contains(key)) {
        at++;
      }
    }
    return at + 1;
  }

  @Nested
  class Lines {
    private static final String DOC = "# a comment line\n"
        + "openapi: 3.1.0\n"
        + "paths:\n"
        + "  /v1/a/{id}:\n"
        + "    get:\n"
        + "      parameters:\n"
        + "        - in: path\n"
        + "          name: id\n"
        + "        - in: query\n"
        + "          name: q\n"
        + "components:\n"
        + "  schemas:\n"
        + "    \"odd~name\":\n"
        + "      type: string\n";

    @Test
    void pointersResolveToTheLineOfTheirKeyOrItem() {
      YamlLines lines = YamlLines.index(DOC);
      assertThat(lines.line("/openapi")).isEqualTo(2);
      assertThat(lines.line("/paths/~1v1~1a~1{id}/get")).isEqualTo(5);
      assertThat(lines.line("/paths/~1v1~1a~1{id}/get/parameters/1")).isEqualTo(9);
      assertThat(lines.line("/paths/~1v1~1a~1{id}/get/parameters/1/name")).isEqualTo(10);
      assertThat(lines.line("/components/schemas/odd~0name/type")).isEqualTo(14);
    }

    @Test
    void aPointerThatDoesNotExistFallsBackToItsNearestParent() {
      YamlLines lines = YamlLines.index(DOC);
      assertThat(lines.line("/paths/~1v1~1a~1{id}/get/responses/200")).isEqualTo(5);
      assertThat(lines.line("/paths/~1v1~1a~1{id}/get/parameters/7")).isEqualTo(6);
      assertThat(lines.line("/nothing")).isEqualTo(1);
      assertThat(lines.line("")).isEqualTo(1);
    }
  }

  @Nested
  class WorkflowAnnotations {
    private static final Pattern COMMAND = Pattern.compile("::(error|warning) (.*?)::(.*)");

    /** Reads a workflow command as the runner does: properties split on commas, then each value unescaped. */
    private static Map<String, String> parse(String line) {
      Matcher m = COMMAND.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("level", m.group(1));
      for (String property : m.group(2).split(",")) {
        int eq = property.indexOf('=');
        fields.put(property.substring(0, eq), unescape(property.substring(eq + 1)));
      }
      fields.put("message", unescape(m.group(3)));
      return fields;
    }

    private static String unescape(String s) {
      return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%");
    }

    @Test
    void eachFindingIsAnErrorOnItsLineInTheDocumentItPointsInto() {
      Verdict v = verdict(null);
      List<String> printed = Annotations.render(v);
      Map<String, String> removed = parse(printed.get(0));
      Map<String, String> retyped = parse(printed.get(1));
      String baseline = v.inputs().baseline().text();
      String current = v.inputs().current().text();

      assertThat(removed).containsEntry("level", "error").containsEntry("file", "spec/baseline/openapi.yaml")
          .containsEntry("title", "RESPONSE_PROPERTY_REMOVED");
      assertThat(removed.get("line")).isEqualTo(Integer.toString(lineOf(baseline, "ApiKeys:", "properties:", "we|rd")));
      assertThat(removed.get("message")).contains("property " + ODD + " was removed", ODD_PTR,
          Rule.RESPONSE_PROPERTY_REMOVED.why());

      assertThat(retyped).containsEntry("file", "spec/openapi.yaml").containsEntry("title", "TYPE_CHANGED");
      assertThat(retyped.get("line")).isEqualTo(Integer.toString(
          lineOf(current, "ApiKeysRegenerated:", "regenerated_key:", "type:")));
      assertThat(printed).hasSize(3);
      assertThat(parse(printed.get(2))).containsEntry("title", "version");
    }

    @Test
    void acceptedBreaksAreWarnings() {
      Verdict v = verdict(accepting(Rule.RESPONSE_PROPERTY_REMOVED, ODD_PTR.replace("\\", "\\\\")
          .replace("\"", "\\\"").replace("\u0001", "\\x01"), "2026-12-31"));
      assertThat(v.judgements().get(0).status()).as(v.report()).isEqualTo(Judgement.Status.ACCEPTED);
      Map<String, String> first = parse(Annotations.render(v).get(0));
      assertThat(first).containsEntry("level", "warning");
      assertThat(first.get("message")).contains("Let through: accepted until 2026-12-31");
    }

    @Test
    void propertiesAndMessagesAreEscaped() {
      String line = Annotations.command("error", "a,b:c.yaml", 3, "T:1,2", "50% done\r\nnext: a, b");
      assertThat(line).isEqualTo("::error file=a%2Cb%3Ac.yaml,line=3,title=T%3A1%2C2::50%25 done%0D%0Anext: a, b");
      assertThat(parse(line)).containsEntry("file", "a,b:c.yaml").containsEntry("title", "T:1,2")
          .containsEntry("message", "50% done\r\nnext: a, b");
    }
  }

  @Nested
  class MarkdownSummary {
    /** Table rows as GitHub reads them: cells split on unescaped pipes, then backslash escapes removed. */
    private static List<List<String>> rows(String markdown) {
      List<List<String>> rows = new ArrayList<>();
      for (String line : markdown.split("\n")) {
        if (!line.startsWith("|") || line.startsWith("|---")) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
          char c = line.charAt(i);
          if (c == '\\' && i + 1 < line.length() && isAsciiPunctuation(line.charAt(i + 1))) {
            cell.append(line.charAt(++i));
          } else if (c == '|') {
            cells.add(cell.toString().strip());
            cell.setLength(0);
          } else {
            cell.append(c);
          }
        }
        rows.add(cells);
      }
      return rows;
    }

    @Test
    void theSummaryParsesBackToTheVerdictWithEveryTextIntact() {
      Verdict v = verdict(null);
      String md = MarkdownReport.render(v);
      assertThat(md).startsWith("## Breaking-change gate: FAILED\n");
      // No raw markup survives: every <, |, `, * and ~ from the spec is escaped.
      assertThat(md).doesNotContainPattern("(?<!\\\\)<b>").doesNotContainPattern("(?<!\\\\)`c");
      List<List<String>> rows = rows(md);
      assertThat(rows).contains(List.of("Required bump", "major (at least 1.0.0): too low"));
      List<String> removed = rows.stream().filter(r -> r.size() == 5 && r.get(1).equals("RESPONSE_PROPERTY_REMOVED"))
          .findFirst().orElseThrow();
      assertThat(removed.get(0)).startsWith("fails the build");
      assertThat(removed.get(2)).isEqualTo("baseline " + ODD_PTR);
      assertThat(removed.get(3)).isEqualTo("response property " + ODD + " was removed or renamed (used by GET"
          + " /v1/apps/{appId}/api-keys)");
      assertThat(removed.get(4)).isEqualTo(Rule.RESPONSE_PROPERTY_REMOVED.why());
    }

    /** CommonMark: a backslash before any ASCII punctuation character is an escape. */
    private static boolean isAsciiPunctuation(char c) {
      return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    @Test
    void lineBreaksInTextsStayInTheirCell() {
      assertThat(Markdown.text("a\nb|c")).isEqualTo("a b\\|c");
    }
  }

  @Nested
  class JUnit {
    private static Document parse(String xml) throws Exception {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> cases(Document doc) {
      NodeList list = doc.getElementsByTagName("testcase");
      List<Element> result = new ArrayList<>();
      for (int i = 0; i < list.getLength(); i++) {
        result.add((Element) list.item(i));
      }
      return result;
    }

    @Test
    void findingsAreTestCasesAndUnacceptedBreaksFail() throws Exception {
      Document doc = parse(JUnitReport.render(verdict(null)));
      Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
      List<Element> cases = cases(doc);
      assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(cases.size()));
      // Two findings and the version rule fail; every rule without a finding is a passing case.
      assertThat(suite.getAttribute("failures")).isEqualTo("3");
      assertThat(cases).hasSize(Rule.values().length - 2 + 2 + 1);
      Element removed = cases.stream().filter(c -> c.getAttribute("classname")
          .equals("gate.rule.RESPONSE_PROPERTY_REMOVED")).findFirst().orElseThrow();
      // The control character becomes U+FFFD, the line break a space; everything else is kept.
      String odd = ODD.replace('\u0001', '\uFFFD');
      assertThat(removed.getAttribute("name")).isEqualTo("baseline " + ODD_PTR.replace('\u0001', '\uFFFD')
          + ": response property " + odd + " was removed or renamed");
      Element failure = (Element) removed.getElementsByTagName("failure").item(0);
      assertThat(failure.getAttribute("message")).isEqualTo("response property " + odd + " was removed or renamed");
      assertThat(failure.getTextContent()).contains(Rule.RESPONSE_PROPERTY_REMOVED.why(), "status: fails the build");
      assertThat(cases).filteredOn(c -> c.getAttribute("classname").equals("gate.rule.PATH_REMOVED"))
          .singleElement().satisfies(c -> assertThat(c.getElementsByTagName("failure").getLength()).isZero());
    }

    @Test
    void acceptedBreaksAreSkippedAndProblemsFail() throws Exception {
      String ptr = ODD_PTR.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0001", "\\x01");
      String accepted = accepting(Rule.RESPONSE_PROPERTY_REMOVED, ptr, "2026-12-31")
          + "  - rule: PATH_REMOVED\n    pointer: /paths/~1nowhere\n    reason: stale\n    expires: 2026-12-31\n";
      Document doc = parse(JUnitReport.render(verdict(accepted)));
      List<Element> cases = cases(doc);
      assertThat(cases).filteredOn(c -> c.getElementsByTagName("skipped").getLength() == 1).singleElement()
          .satisfies(c -> assertThat(c.getAttribute("classname")).isEqualTo("gate.rule.RESPONSE_PROPERTY_REMOVED"));
      assertThat(cases).filteredOn(c -> c.getAttribute("classname").equals("gate.problems")).singleElement()
          .satisfies(c -> assertThat(((Element) c.getElementsByTagName("failure").item(0)).getAttribute("message"))
              .contains("entry 2 (PATH_REMOVED at /paths/~1nowhere) matches no finding"));
    }
  }

  @Test
  void thePlainTextReportNamesRuleAndPointerOfEveryFinding() {
    Verdict v = verdict(null);
    for (Judgement j : v.judgements()) {
      assertThat(v.report()).contains(j.finding().rule().name(), j.finding().pointer());
    }
    assertThat(v.report()).contains("BREAKING TYPE_CHANGED", REGEN + "/properties/regenerated_key/type");
  }
}
