package ai.spice.cloud.client.auth;

import java.util.regex.Pattern;

/** The organization a client acts for, sent as {@code X-Org-Name} on every call. */
public final class Organizations {
  /** The header Spice Cloud reads the organization from. */
  public static final String HEADER = "X-Org-Name";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private Organizations() {}

  /**
   * @param name an organization name: letters, digits, {@code .}, {@code -}, {@code _}
   * @return the name
   * @throws IllegalArgumentException for anything else (the API would answer 400 invalid_org_assertion)
   */
  public static String check(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("organization must be 1 to 128 letters, digits, '.', '-' or '_'"
          + (name == null ? ", was null" : name.isBlank() ? ", was blank" : ""));
    }
    return name;
  }
}
