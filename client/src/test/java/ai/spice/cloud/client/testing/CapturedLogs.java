package ai.spice.cloud.client.testing;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test-only SLF4J provider that keeps every line logged at any level, so tests can assert on what the
 * client writes to its logs.
 */
public final class CapturedLogs implements SLF4JServiceProvider {

  private static final List<String> LINES = new ArrayList<>();

  /** @return a copy of every line logged so far */
  public static synchronized List<String> lines() {
    return new ArrayList<>(LINES);
  }

  /** @return all lines joined by newlines */
  public static String text() {
    return String.join("\n", lines());
  }

  public static synchronized void clear() {
    LINES.clear();
  }

  private static synchronized void add(String line) {
    LINES.add(line);
  }

  private final ILoggerFactory factory = CapturingLogger::new;
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
        Object[] args, Throwable throwable) {
      add(level + " " + name + " " + MessageFormatter.basicArrayFormat(pattern, args));
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }
}
