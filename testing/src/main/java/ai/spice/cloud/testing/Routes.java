package ai.spice.cloud.testing;

import java.util.ArrayList;
import java.util.List;

/** Which documented operation a method and path name: the templates come from {@link Operation}. */
final class Routes {
  /** The operation (null if none), its one path parameter (appId, if any), and the methods the path allows. */
  record Match(Operation operation, String param, List<String> allowed) {}

  private Routes() {}

  static Match match(String method, List<String> segments) {
    List<String> allowed = new ArrayList<>();
    for (Operation op : Operation.values()) {
      String[] template = op.pathTemplate().substring(1).split("/");
      if (template.length != segments.size()) {
        continue;
      }
      String param = null;
      boolean matches = true;
      for (int i = 0; i < template.length && matches; i++) {
        if (template[i].startsWith("{")) {
          param = segments.get(i);
          matches = !param.isEmpty();
        } else {
          matches = template[i].equals(segments.get(i));
        }
      }
      if (!matches) {
        continue;
      }
      if (op.method().equals(method)) {
        return new Match(op, param, List.of());
      }
      allowed.add(op.method());
    }
    return new Match(null, null, List.copyOf(allowed));
  }
}
