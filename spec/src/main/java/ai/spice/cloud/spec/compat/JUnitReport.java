package ai.spice.cloud.spec.compat;

import java.io.StringWriter;
import java.util.EnumSet;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The verdict as JUnit XML, for a CI check: one test case per rule without findings (it passed), one per
 * finding (a failure when it fails the build, skipped when it is let through), one for the version rule and
 * one per problem.
 */
final class JUnitReport {
  private static final String SUITE = "breaking-change gate";

  private JUnitReport() {}

  static String render(Verdict v) {
    Set<Rule> found = EnumSet.noneOf(Rule.class);
    v.judgements().forEach(j -> found.add(j.finding().rule()));
    int tests = Rule.values().length - found.size() + v.judgements().size() + 1 + v.problems().size();
    long failures = v.judgements().stream().filter(Judgement::fails).count() + (v.version().ok() ? 0 : 1)
        + v.problems().size();
    long skipped = v.judgements().stream().filter(j -> !j.fails()).count();
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("testsuites");
      attr(w, "name", SUITE);
      counts(w, tests, failures, skipped);
      w.writeCharacters("\n  ");
      w.writeStartElement("testsuite");
      attr(w, "name", SUITE);
      counts(w, tests, failures, skipped);

      VersionCheck version = v.version();
      testcase(w, "gate.version", "the project version meets the bump the diff needs", version.ok() ? null
          : version.describe(), null, version.describe());
      for (Rule rule : Rule.values()) {
        if (!found.contains(rule)) {
          testcase(w, "gate.rule." + rule, "no finding", null, null, rule.why());
        }
      }
      for (Judgement j : v.judgements()) {
        Finding f = j.finding();
        String name = f.document() + " " + f.pointer() + ": " + f.what();
        String detail = f.describe() + "\n  status: " + j.statusText(version);
        String status = j.statusText(version);
        testcase(w, "gate.rule." + f.rule(), name, j.fails() ? f.what() : null, j.fails() ? null : status, detail);
      }
      int n = 0;
      for (String problem : v.problems()) {
        testcase(w, "gate.problems", "problem " + (++n), problem, null, problem);
      }
      w.writeCharacters("\n  ");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit report", e);
    }
    return text.toString();
  }

  private static void counts(XMLStreamWriter w, int tests, long failures, long skipped) throws XMLStreamException {
    attr(w, "tests", Integer.toString(tests));
    attr(w, "failures", Long.toString(failures));
    attr(w, "errors", "0");
    attr(w, "skipped", Long.toString(skipped));
  }

  /** A test case; {@code failure} or {@code skipped} (a message) or neither; {@code detail} goes in the body. */
  private static void testcase(XMLStreamWriter w, String classname, String name, String failure, String skipped,
      String detail) throws XMLStreamException {
    w.writeCharacters("\n    ");
    w.writeStartElement("testcase");
    attr(w, "classname", classname);
    attr(w, "name", name);
    attr(w, "time", "0");
    if (failure != null) {
      w.writeStartElement("failure");
      attr(w, "message", failure);
      attr(w, "type", classname);
      w.writeCharacters(xml(detail));
      w.writeEndElement();
    } else if (skipped != null) {
      w.writeStartElement("skipped");
      attr(w, "message", skipped);
      w.writeEndElement();
    } else {
      w.writeStartElement("system-out");
      w.writeCharacters(xml(detail));
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  /** Attribute values: a parser would turn line breaks into spaces anyway, so they are written as spaces. */
  private static void attr(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeAttribute(name, xml(value).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
  }

  /** Text XML 1.0 can carry: characters it forbids (most controls, lone surrogates) become U+FFFD. */
  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD) {
        b.append(c);
      } else {
        b.append('\uFFFD');
      }
    }
    return b.toString();
  }
}
