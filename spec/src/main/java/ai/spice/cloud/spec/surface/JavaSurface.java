package ai.spice.cloud.spec.surface;

import ai.spice.cloud.spec.codegen.StableSignaturesJavaCodegen;
import ai.spice.cloud.spec.tool.SpecException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.filter.JavadocLikePackageFilter;
import japicmp.model.AccessModifier;
import japicmp.model.JApiClass;
import japicmp.model.JApiClassType;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiCompatibilityChangeType;
import japicmp.model.JApiConstructor;
import japicmp.model.JApiField;
import japicmp.model.JApiMethod;

/**
 * The generated client's public Java surface as a contract: compiles generated sources into a jar and compares
 * two such jars with japicmp, reporting every change that breaks code compiled (source) or linked (binary)
 * against the older one.
 *
 * <p>One deliberate exception: a method added to a generated API interface is not reported. Consumers call
 * those interfaces; they do not implement them (the project's fake server is the test double), and every new
 * operation adds such a method.
 */
public final class JavaSurface {
  /** Classes the generated code compiles against: Feign's annotations, Jackson's, jakarta.annotation. */
  private static final List<String> COMPILE_AGAINST = List.of("feign.RequestLine",
      "com.fasterxml.jackson.annotation.JsonProperty", "com.fasterxml.jackson.databind.ObjectMapper",
      "com.fasterxml.jackson.core.JsonParser", "jakarta.annotation.Generated");

  private JavaSurface() {}

  /** One incompatible change of the surface. */
  public record Change(String type, String member, JApiCompatibilityChangeType kind, boolean sourceCompatible,
      boolean binaryCompatible) {
    public String describe() {
      String breaks = !sourceCompatible && !binaryCompatible ? "source and binary incompatible"
          : !sourceCompatible ? "source incompatible" : "binary incompatible";
      return kind + " " + type + (member.isEmpty() ? "" : "." + member) + " (" + breaks + ")";
    }
  }

  /**
   * Compiles the generated API, model and invoker packages into {@code jar}. What they extend from the client's
   * hand-written runtime (the marker ApiClient, the models' base class) is stood in for; the runtime's own
   * generated helpers (the decoded model subclasses) are no part of the surface and are not compiled.
   */
  public static Path compile(ClientGenerator.Sources sources, Path workDir, Path jar) {
    try {
      Path classes = workDir.resolve("classes");
      ClientGenerator.deleteRecursively(classes);
      Files.createDirectories(classes);
      Path stubDir = workDir.resolve("stub");
      ClientGenerator.deleteRecursively(stubDir);
      // The generated APIs extend ApiClient.Api, which the client module writes by hand (a marker interface).
      String apiClient = stub(stubDir, sources.invokerPackage() + ".ApiClient",
          "public final class ApiClient { private ApiClient() {} public interface Api {} }");
      String base = StableSignaturesJavaCodegen.MODEL_BASE;
      String modelBase = stub(stubDir, base, "public abstract class " + base.substring(base.lastIndexOf('.') + 1) + " {}");
      List<Path> surface = Stream.of(sources.apiPackage(), sources.modelPackage(), sources.invokerPackage())
          .map(p -> sources.root().resolve(p.replace('.', '/'))).toList();
      List<File> files = new ArrayList<>();
      try (Stream<Path> walk = Stream.concat(Files.walk(sources.root()), Files.walk(stubDir))) {
        walk.filter(p -> p.toString().endsWith(".java"))
            .filter(p -> p.startsWith(stubDir) || surface.stream().anyMatch(dir -> dir.equals(p.getParent())))
            .forEach(p -> files.add(p.toFile()));
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (javac == null) {
        throw new SpecException("the Java-surface check needs a JDK (no system Java compiler)");
      }
      StringWriter out = new StringWriter();
      try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> options = List.of("-d", classes.toString(), "-classpath", classpath(), "--release", "17",
            "-proc:none", "-nowarn", "-Xlint:none", "-encoding", "UTF-8");
        boolean ok = javac.getTask(out, fm, null, options, null, fm.getJavaFileObjectsFromFiles(files)).call();
        if (!ok) {
          throw new SpecException("the generated client does not compile:\n" + out);
        }
      }
      jar(classes, jar, Set.of(apiClient, modelBase));
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a stand-in for {@code className} with {@code body}; returns its class file's path in a jar. */
  private static String stub(Path stubDir, String className, String body) throws IOException {
    int dot = className.lastIndexOf('.');
    String path = className.replace('.', '/');
    Path source = stubDir.resolve(path + ".java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package " + className.substring(0, dot) + ";\n" + body + "\n");
    return path;
  }

  /** Every change from {@code oldJar} to {@code newJar} in {@code packages} that breaks consumers. */
  public static List<Change> compare(Path oldJar, Path newJar, List<String> packages) {
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    options.setAccessModifier(AccessModifier.PUBLIC);
    options.setIncludeSynthetic(false);
    options.setNoAnnotations(true);
    options.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
    packages.forEach(p -> options.getFilters().getIncludes().add(new JavadocLikePackageFilter(p, false)));
    List<JApiClass> classes = new JarArchiveComparator(options).compare(
        new JApiCmpArchive(oldJar.toFile(), "baseline"), new JApiCmpArchive(newJar.toFile(), "current"));
    List<Change> changes = new ArrayList<>();
    for (JApiClass c : classes) {
      String type = c.getFullyQualifiedName();
      boolean isInterface = c.getClassType().getNewTypeOptional()
          .or(() -> c.getClassType().getOldTypeOptional())
          .map(t -> t == JApiClassType.ClassType.INTERFACE).orElse(false);
      add(changes, type, "", c, isInterface);
      for (JApiMethod m : c.getMethods()) {
        add(changes, type, m.getName() + signature(m.getParameters().stream().map(p -> p.getType()).toList()),
            m, isInterface);
      }
      for (JApiConstructor k : c.getConstructors()) {
        add(changes, type, "<init>" + signature(k.getParameters().stream().map(p -> p.getType()).toList()), k,
            isInterface);
      }
      for (JApiField f : c.getFields()) {
        add(changes, type, f.getName(), f, isInterface);
      }
    }
    changes.sort(Comparator.comparing(Change::type).thenComparing(Change::member));
    return changes;
  }

  private static void add(List<Change> into, String type, String member, JApiCompatibility element,
      boolean isInterface) {
    for (JApiCompatibilityChange change : element.getCompatibilityChanges()) {
      if (change.isSourceCompatible() && change.isBinaryCompatible()) {
        continue;
      }
      if (isInterface && change.getType() == JApiCompatibilityChangeType.METHOD_ADDED_TO_INTERFACE) {
        continue; // see the class comment: consumers call these interfaces, they do not implement them
      }
      into.add(new Change(type, member, change.getType(), change.isSourceCompatible(), change.isBinaryCompatible()));
    }
  }

  private static String signature(List<String> types) {
    return "(" + String.join(", ", types) + ")";
  }

  private static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    for (String name : COMPILE_AGAINST) {
      try {
        Class<?> type = Class.forName(name, false, JavaSurface.class.getClassLoader());
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
        throw new SpecException("the Java-surface check needs " + name + " on its classpath: " + e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** A jar of the compiled classes, without the stand-ins (they are not part of the generated surface). */
  private static void jar(Path classes, Path jar, Set<String> skip) throws IOException {
    Files.createDirectories(jar.toAbsolutePath().getParent());
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = classes.relativize(p).toString().replace(File.separatorChar, '/');
        if (skip.stream().anyMatch(name::startsWith)) {
          continue;
        }
        out.putNextEntry(new JarEntry(name));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
  }
}
