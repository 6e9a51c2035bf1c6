package ai.spice.cloud.testing;

/** What the API accepts as an organization name (X-Org-Name): letters, digits, '.', '-', '_'. */
final class OrgNames {
  private OrgNames() {}

  static boolean valid(String name) {
    if (name == null || name.isEmpty() || name.length() > 255) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static String require(String name) {
    if (!valid(name)) {
      throw new IllegalArgumentException("an organization name is 1 to 255 letters, digits, '.', '-' or '_': "
          + (name == null ? "null" : "'" + name + "'"));
    }
    return name;
  }
}
