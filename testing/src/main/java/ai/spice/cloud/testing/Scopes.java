package ai.spice.cloud.testing;

import java.util.Collection;
import java.util.Set;

/** The API's scopes: a write scope implies its read scope, {@code *} is everything. */
final class Scopes {
  static final Set<String> KNOWN = Set.of("apps:read", "apps:write", "apps:delete", "deployments:read",
      "deployments:write", "secrets:read", "secrets:write", "config:read", "config:write", "members:read",
      "members:write", "members:delete", "*");

  private Scopes() {}

  static String require(String scope) {
    if (!KNOWN.contains(scope)) {
      throw new IllegalArgumentException("unknown scope '" + scope + "'; known: " + new java.util.TreeSet<>(KNOWN));
    }
    return scope;
  }

  static boolean grants(Collection<String> held, String required) {
    if (held.contains("*") || held.contains(required)) {
      return true;
    }
    return required.endsWith(":read") && held.contains(required.substring(0, required.length() - 5) + ":write");
  }
}
