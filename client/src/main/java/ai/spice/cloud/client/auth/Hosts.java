package ai.spice.cloud.client.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Where credentials may travel over plain http: loopback only, where nothing leaves the machine. */
public final class Hosts {
  private Hosts() {}

  /**
   * Only names that are loopback by definition: {@code localhost}, {@code *.localhost} and loopback IP literals.
   * No DNS lookup, which an attacker could steer.
   *
   * @param host a URL's host, an IPv6 literal with or without brackets
   * @return whether it is loopback
   */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    boolean ipLiteral = h.contains(":") || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    if (!ipLiteral) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, not resolved
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
