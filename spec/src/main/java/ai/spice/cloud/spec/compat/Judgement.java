package ai.spice.cloud.spec.compat;

/** A breaking finding and what the gate makes of it. */
public record Judgement(Finding finding, Status status, AcceptedBreaks.Entry acceptedBy) {
  public enum Status {
    /** Neither accepted nor covered by a major version: the build fails. */
    FAILS,
    /** Let through by an entry of the accepted-breaks file until it expires. */
    ACCEPTED,
    /** The project version is a major release above the baseline's: an intentional break. */
    ALLOWED_BY_MAJOR
  }

  public boolean fails() {
    return status == Status.FAILS;
  }

  /** One line on what happens to this break, for every report. */
  public String statusText(VersionCheck version) {
    return switch (status) {
      case FAILS -> "fails the build (accept it in the accepted-breaks file, or release it as a new major version)";
      case ACCEPTED -> "accepted until " + acceptedBy.expires() + " by " + acceptedBy.label() + ": "
          + acceptedBy.reason();
      case ALLOWED_BY_MAJOR -> "allowed: " + version.project() + " is a major release above " + version.baseline();
    };
  }
}
