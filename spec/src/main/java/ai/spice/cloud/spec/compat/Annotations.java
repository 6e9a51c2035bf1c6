package ai.spice.cloud.spec.compat;

import java.util.ArrayList;
import java.util.List;

/**
 * GitHub workflow commands that put each finding on its line: {@code ::error} for what fails the build,
 * {@code ::warning} for breaks let through (accepted, or released as a major). Printed to standard output by
 * the build, which the runner reads. Escaping follows the runner's rules (@actions/core).
 */
final class Annotations {
  private Annotations() {}

  static List<String> render(Verdict v) {
    Gate.Inputs in = v.inputs();
    YamlLines current = YamlLines.index(in.current().text());
    YamlLines baseline = null;
    List<String> lines = new ArrayList<>();
    for (Judgement j : v.judgements()) {
      Finding f = j.finding();
      boolean inBaseline = f.document().equals(Collector.BASELINE);
      if (inBaseline && baseline == null) {
        baseline = YamlLines.index(in.baseline().text());
      }
      int line = (inBaseline ? baseline : current).line(f.pointer());
      String message = f.what() + " (at " + f.pointer() + "). " + f.why() + "."
          + (j.fails() ? "" : " Let through: " + j.statusText(v.version()) + ".");
      lines.add(command(j.fails() ? "error" : "warning", inBaseline ? in.baseline().path() : in.current().path(), line,
          f.rule().name(), message));
    }
    if (!v.version().ok()) {
      // Only a release fails on it; a build reports it, so the release is numbered right.
      lines.add(command(v.inputs().releasing() ? "error" : "warning", null, 0, "version", v.version().describe()));
    }
    for (String problem : v.problems()) {
      lines.add(command("error", null, 0, "breaking-change gate", problem));
    }
    return lines;
  }

  static String command(String level, String file, int line, String title, String message) {
    StringBuilder b = new StringBuilder("::").append(level).append(' ');
    if (file != null) {
      b.append("file=").append(property(file)).append(",line=").append(line).append(',');
    }
    return b.append("title=").append(property(title)).append("::").append(data(message)).toString();
  }

  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
