package ai.spice.cloud.testing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fake's world: organizations with apps and members, tokens, regions. Not thread-safe by itself: every
 * access holds this object's monitor ({@code synchronized (state)}), the one lock of a fake.
 */
final class State {
  static final String DEFAULT_ORGANIZATION = "test-org";
  private static final SecureRandom RANDOM = new SecureRandom();

  final Clock clock;
  final Map<String, Org> organizations = new LinkedHashMap<>();
  /** App ids are global, as in the API: an id names one app of one organization. */
  final Map<Long, App> apps = new TreeMap<>();
  final Map<String, Token> tokens = new LinkedHashMap<>();
  final List<Region> regions = new ArrayList<>();
  long nextSecretId = 1;

  State(Clock clock) {
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  Org organization(String name) {
    return organizations.computeIfAbsent(OrgNames.require(name), n -> new Org(n, now()));
  }

  /** A fresh key value; random, so a regenerated key never equals an old one. */
  static String newKey() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "sk-fake-" + HexFormat.of().formatHex(bytes);
  }

  static final class Org {
    final String name;
    final Instant createdAt;
    final Map<Long, Member> members = new TreeMap<>();

    Org(String name, Instant createdAt) {
      this.name = name;
      this.createdAt = createdAt;
    }
  }

  static final class App {
    final long id;
    final String organization;
    String name;
    String description;
    String visibility = "private";
    Instant createdAt;
    String cname;
    String clusterId;
    Map<String, String> tags;
    String apiKey = newKey();
    String apiKey2 = newKey();
    final Map<String, Secret> secrets = new LinkedHashMap<>();

    App(long id, String organization, Instant createdAt, String cname) {
      this.id = id;
      this.organization = organization;
      this.name = "app-" + id;
      this.createdAt = createdAt;
      this.cname = cname;
    }
  }

  static final class Secret {
    final long id;
    final String name;
    String value;
    final Instant createdAt;
    Instant updatedAt;

    Secret(long id, String name, String value, Instant at) {
      this.id = id;
      this.name = name;
      this.value = value;
      this.createdAt = at;
      this.updatedAt = at;
    }
  }

  static final class Member {
    final long userId;
    String username;
    List<String> roles = List.of("member");
    boolean owner;
    Instant createdAt;

    Member(long userId, String username, Instant createdAt) {
      this.userId = userId;
      this.username = username;
      this.createdAt = createdAt;
    }
  }

  static final class Token {
    final String value;
    String organization = DEFAULT_ORGANIZATION;
    /** Organizations besides its own that X-Org-Name may select; empty for a pinned (machine) credential. */
    final Set<String> alsoIn = new LinkedHashSet<>();
    final Set<String> scopes = new LinkedHashSet<>();

    Token(String value) {
      this.value = value;
    }
  }

  static final class Region {
    final String region;
    String name;
    String provider = "aws";
    boolean isDefault;
    boolean disabled;

    Region(String region) {
      this.region = region;
      this.name = region;
    }
  }
}
