package ai.spice.cloud.bench.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J backend of the benchmarks: the client's logger ({@code ai.spice.cloud.client}) has DEBUG on, so
 * the client builds and redacts every line it logs at FULL, and each line is then dropped (what an appender
 * does with it is not the client's cost). Every other logger is off.
 */
public final class DiscardingLogs implements SLF4JServiceProvider {
  private static final String CLIENT = "ai.spice.cloud.client";
  private static volatile long chars;

  private final ILoggerFactory factory = Discarding::new;
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Characters of client log lines so far; a check that logging happened at all. */
  public static long chars() {
    return chars;
  }

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

  private static final class Discarding extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final boolean on;

    Discarding(String name) {
      this.name = name;
      this.on = name.equals(CLIENT);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] args,
        Throwable throwable) {
      chars += message.length(); // racy on purpose: a rough count, not a measurement
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return on;
    }

    @Override
    public boolean isInfoEnabled() {
      return on;
    }

    @Override
    public boolean isWarnEnabled() {
      return on;
    }

    @Override
    public boolean isErrorEnabled() {
      return on;
    }
  }
}
