package ai.spice.cloud.spec.compat;

import ai.spice.cloud.spec.OpenApiDocs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The standalone breaking-change gate ({@code spice-cloud-spec-<version>-gate.jar}): the build's own
 * {@link Gate#evaluate} and report writers on any two OpenAPI documents, for other teams' CI. It judges the wire
 * contract only: the build's Java-surface rule needs the client generator, which the jar does not carry.
 */
public final class GateMain {
  static final int COMPATIBLE = 0;
  static final int BREAKING = 1;
  static final int UNUSABLE = 2;

  static final String USAGE = """
      usage: java -jar spice-cloud-spec-<version>-gate.jar --baseline A.yaml --current B.yaml
                  [--format text|markdown|junit|github] [--accepted-breaks FILE]

      Compares two OpenAPI 3.0 or 3.1 documents (YAML or JSON) as the spice-cloud-java build's breaking-change gate does
      and prints one report to standard output:
        text      the plain-text verdict (default)
        markdown  tables for a pull request or $GITHUB_STEP_SUMMARY
        junit     JUnit XML, one test case per rule and per finding
        github    GitHub Actions workflow commands (::error on the line of each break)
      --accepted-breaks FILE  breaks accepted for a while (rule, pointer, reason, expires), as in the build.

      Exit status: 0 no unaccepted break, 1 breaking changes (or an accepted-breaks problem),
      2 bad arguments or a document that cannot be read (the reason on standard error).

      Not included: the build's Java-surface rule (JAVA_SURFACE_CHANGED, japicmp on the generated clients), which
      needs the client generator; there is no project version, so no break is allowed by a major release.
      The rules: docs/gate-rules.md of spice-cloud-java.
      """;

  /** The report formats, each the build's own writer. */
  enum Format {
    TEXT(CompatibilityReport::render),
    MARKDOWN(MarkdownReport::render),
    JUNIT(JUnitReport::render),
    GITHUB(v -> Annotations.render(v).stream().map(line -> line + "\n").collect(Collectors.joining()));

    private final Function<Verdict, String> writer;

    Format(Function<Verdict, String> writer) {
      this.writer = writer;
    }

    String render(Verdict v) {
      return writer.apply(v);
    }
  }

  /** Bad arguments or an unreadable document: the message says which and why. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message);
    }
  }

  private record Options(String baseline, String current, Format format, String acceptedBreaks, boolean help) {}

  private GateMain() {}

  public static void main(String[] args) {
    // UTF-8 whatever the platform's locale: the JUnit report declares it, and documents carry any text.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int status = run(args, out, err);
    out.flush();
    System.exit(status);
  }

  /** Runs the gate; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      Options o = options(args);
      if (o.help()) {
        out.print(USAGE);
        return COMPATIBLE;
      }
      Gate.Source accepted = o.acceptedBreaks() == null ? null
          : new Gate.Source(o.acceptedBreaks(), read(o.acceptedBreaks()));
      Verdict v = Gate.evaluate(new Gate.Inputs(document(o.baseline()), document(o.current()), null, null, accepted,
          LocalDate.now(ZoneOffset.UTC), false));
      out.print(o.format().render(v));
      out.flush();
      return v.passed() ? COMPATIBLE : BREAKING;
    } catch (Unusable e) {
      err.println("gate: " + e.getMessage());
      return UNUSABLE;
    } catch (RuntimeException e) {
      // No verdict: a crash must not read as "breaking" (1) to a CI step.
      err.println("gate: the comparison failed, please report it with both documents: " + e);
      e.printStackTrace(err);
      return UNUSABLE;
    }
  }

  private static Options options(String[] args) throws Unusable {
    String baseline = null;
    String current = null;
    String format = null;
    String accepted = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new Options(null, null, Format.TEXT, null, true);
      }
      if (!arg.startsWith("--")) {
        throw usage("unexpected argument " + arg);
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      String value;
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw usage(name + " needs a value");
      }
      switch (name) {
        case "--baseline" -> baseline = once(name, baseline, value);
        case "--current" -> current = once(name, current, value);
        case "--format" -> format = once(name, format, value);
        case "--accepted-breaks" -> accepted = once(name, accepted, value);
        default -> throw usage("unknown argument " + arg);
      }
    }
    if (baseline == null || current == null) {
      throw usage("both --baseline and --current are required");
    }
    return new Options(baseline, current, format(format), accepted, false);
  }

  private static String once(String name, String previous, String value) throws Unusable {
    if (previous != null) {
      throw usage(name + " is given twice");
    }
    if (value.isEmpty()) {
      throw usage(name + " needs a value");
    }
    return value;
  }

  private static Format format(String name) throws Unusable {
    if (name == null) {
      return Format.TEXT;
    }
    try {
      return Format.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw usage("unknown format " + name + " (text, markdown, junit or github)");
    }
  }

  private static Unusable usage(String message) {
    return new Unusable(message + "\n\n" + USAGE);
  }

  /** A document the checker can judge: readable, YAML or JSON, a mapping, OpenAPI 3.0 or 3.1. */
  static Gate.Source document(String path) throws Unusable {
    String text = read(path);
    JsonNode doc;
    try {
      doc = OpenApiDocs.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      throw new Unusable(path + " is not YAML or JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    } catch (IOException | IllegalArgumentException e) {
      throw new Unusable(path + " is not an OpenAPI document: " + e.getMessage());
    }
    String version = doc.path("openapi").asText("");
    if (doc.has("swagger")) {
      throw new Unusable(path + " is Swagger " + doc.path("swagger").asText() + "; convert it to OpenAPI 3.1 first");
    }
    if (!version.startsWith("3.0.") && !version.startsWith("3.1.")) {
      throw new Unusable(path + " is not an OpenAPI 3.0 or 3.1 document (its openapi field is "
          + (version.isEmpty() ? "missing" : version) + ")");
    }
    return new Gate.Source(path, text);
  }

  private static String read(String path) throws Unusable {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(Path.of(path)))).toString();
    } catch (NoSuchFileException e) {
      throw new Unusable(path + ": no such file");
    } catch (CharacterCodingException e) {
      throw new Unusable(path + " is not UTF-8 text");
    } catch (IOException | InvalidPathException e) {
      throw new Unusable(path + " cannot be read: " + e);
    }
  }
}
