package ai.spice.cloud.spec.conformance;

/** An interaction that does not conform to the document: which one, what is wrong, and where in the document. */
public record Violation(String interaction, String message, String pointer) {
  @Override
  public String toString() {
    return interaction + ": " + message + (pointer == null ? "" : " [" + pointer + "]");
  }
}
