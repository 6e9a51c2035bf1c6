package ai.spice.cloud.testing.conformance;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Auto-registered for every test of this module (junit-platform.properties): fails the test during which a
 * fake answered anything {@link ConformanceListener} rejects. The fake records a call before it sends the
 * response, so a test that has its response has its check.
 */
public final class ConformanceExtension implements AfterEachCallback, AfterAllCallback {
  @Override
  public void afterEach(ExtensionContext context) {
    failOnViolations(context.getDisplayName());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    failOnViolations(context.getDisplayName() + " (class-level)");
    System.out.println("[conformance] " + context.getRequiredTestClass().getSimpleName() + ": "
        + ConformanceListener.CHECKED.get() + " fake responses checked against the merged document, "
        + ConformanceListener.BEYOND.get() + " marked beyond it, so far in this JVM");
  }

  private static void failOnViolations(String where) {
    List<String> found = new ArrayList<>();
    String v;
    while ((v = ConformanceListener.VIOLATIONS.poll()) != null) {
      found.add(v);
    }
    if (!found.isEmpty()) {
      throw new AssertionError(where + ": the fake answered outside the merged document:\n  "
          + String.join("\n  ", found));
    }
  }
}
