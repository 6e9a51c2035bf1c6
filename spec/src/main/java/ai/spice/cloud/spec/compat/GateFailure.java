package ai.spice.cloud.spec.compat;

/** The gate's verdict is "failed"; the message is the report, which names every reason. */
public final class GateFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GateFailure(String message) {
    super(message);
  }
}
