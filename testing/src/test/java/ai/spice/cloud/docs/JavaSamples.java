package ai.spice.cloud.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a {@code java} fence of a page as written. A fence declaring a type (a test class) is a compilation
 * unit; any other is the body of {@link SampleContext#run()}. Either may start with imports; the packages a
 * reader of the pages has in mind (the client's, the fake's, {@code java.time}, {@code java.util}, JUnit's
 * API) are imported for it.
 */
final class JavaSamples {
  static final String PACKAGE = "docsamples";
  private static final String IMPORTS = String.join("\n",
      "package " + PACKAGE + ";",
      "import ai.spice.cloud.client.*;",
      "import ai.spice.cloud.client.auth.*;",
      "import ai.spice.cloud.client.errors.*;",
      "import ai.spice.cloud.client.model.*;",
      "import ai.spice.cloud.client.model.RegenerateApiKeyRequest.KeyNumberEnum;",
      "import ai.spice.cloud.client.rotation.*;",
      "import ai.spice.cloud.testing.*;",
      "import java.time.*;",
      "import java.util.*;",
      "import org.junit.jupiter.api.*;",
      "import org.junit.jupiter.api.extension.*;",
      "import static org.junit.jupiter.api.Assertions.*;",
      "");
  private static final Pattern TYPE =
      Pattern.compile("(?m)^(?:public |final |abstract )*(?:class|record|interface|enum) (\\w+)");

  /** A compiled fence: the loaded class, and whether it is a whole type (else a {@link SampleContext}). */
  record Compiled(Class<?> type, boolean unit) {}

  /** The fence did not compile: every error, at its line in the page. */
  static final class SampleCompileException extends RuntimeException {
    SampleCompileException(String message) {
      super(message);
    }
  }

  private JavaSamples() {}

  static Compiled compile(Markdown.Fence fence, Path root, Path workDir) {
    // Leading imports move to the header; blank lines keep their place, so a line of code keeps its number.
    List<String> imports = new ArrayList<>();
    List<String> code = new ArrayList<>();
    boolean leading = true;
    for (String line : fence.body().split("\n", -1)) {
      leading &= line.isBlank() || line.startsWith("import ");
      if (leading && line.startsWith("import ")) {
        imports.add(line);
        code.add("");
      } else {
        code.add(line);
      }
    }
    String header = IMPORTS + String.join("\n", imports) + "\n";
    String body = String.join("\n", code);
    Matcher type = TYPE.matcher(body);
    boolean unit = type.find();
    String name = unit ? type.group(1) : "Sample_" + fence.where().line();
    String wrapper = "public class " + name + " extends " + SampleContext.class.getName()
        + " { @Override public void run() throws Exception {\n";
    String source = unit ? header + body : header + wrapper + body + "\n}}\n";
    int offset = countLines(header) + (unit ? 0 : 1); // source lines before the fence's first line

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Path out = Files.createDirectories(workDir.resolve(name + "_" + fence.where().line()));
      JavaFileObject unitFile = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      };
      List<String> options = List.of("-classpath", classpath(), "-d", out.toString(), "-proc:none",
          "-Xlint:none", "--release", "17");
      boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(unitFile)).call();
      if (!ok) {
        StringBuilder message = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() == Diagnostic.Kind.ERROR) {
            long line = Math.max(d.getLineNumber() - offset, 1);
            message.append(root.relativize(fence.where().file())).append(':')
                .append(fence.where().line() + line - 1).append(": ").append(d.getMessage(Locale.ROOT))
                .append('\n');
          }
        }
        throw new SampleCompileException(message.toString());
      }
      URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
          JavaSamples.class.getClassLoader());
      return new Compiled(loader.loadClass(PACKAGE + "." + name), unit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int countLines(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  /** Surefire runs tests from a manifest-only jar; it passes the real test class path in this property. */
  private static String classpath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }
}
