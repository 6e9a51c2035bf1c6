package ai.spice.cloud.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JSON seed format, applied through the same seeding API as code ({@link SpiceCloudFake#organization(String)},
 * {@link SpiceCloudFake#token(String, String...)}, {@link SpiceCloudFake#region(String)}). Every field is
 * optional unless marked; unknown fields are errors. Field names follow the API's JSON.
 *
 * <pre>{@code
 * {
 *   "organizations": [
 *     { "name": "acme",                                            (required)
 *       "apps": [
 *         { "id": 42,                                              (required, positive)
 *           "name": "checkout", "description": null, "visibility": "private",
 *           "cname": "us-east-2", "cluster_id": null, "tags": {"team": "payments"},
 *           "created_at": "2026-01-01T00:00:00Z",
 *           "api_key": "primary-key", "api_key_2": null,           (both absent: two fresh keys)
 *           "secrets": [ { "name": "DB_PASSWORD", "value": "s3cret" } ] } ],
 *       "members": [
 *         { "user_id": 7, "username": "alice", "roles": ["admin"], "is_owner": true } ] } ],
 *   "tokens": [
 *     { "token": "ci-token",                                       (required)
 *       "organization": "acme",                                    (default: test-org)
 *       "scopes": ["apps:read", "apps:write"],
 *       "also_in": ["other-org"] } ],                              (X-Org-Name may select these)
 *   "regions": [                                                   (replaces the default regions)
 *     { "region": "us-east-2",                                     (required)
 *       "name": "US East (Ohio)", "provider": "aws", "isDefault": true, "disabled": false } ]
 * }
 * }</pre>
 */
public final class SeedFile {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private SeedFile() {}

  static void apply(SpiceCloudFake fake, InputStream in, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read seed " + source, e);
    }
    if (root == null) {
      throw new IllegalArgumentException(source + ": empty");
    }
    new Reader(source).apply(fake, root);
  }

  private record Reader(String source) {
    void apply(SpiceCloudFake fake, JsonNode root) {
      object(root, "", Set.of("organizations", "tokens", "regions"));
      each(root, "organizations", "", (org, at) -> {
        object(org, at, Set.of("name", "apps", "members"));
        OrganizationSeed o = guarded(at + "/name", () -> fake.organization(text(org, "name", at, true)));
        each(org, "apps", at, (app, appAt) -> app(o, app, appAt));
        each(org, "members", at, (m, mAt) -> {
          object(m, mAt, Set.of("user_id", "username", "roles", "is_owner", "created_at"));
          MemberSeed member = o.member(id(m, "user_id", mAt), text(m, "username", mAt, true));
          if (m.has("roles")) {
            member.roles(strings(m, "roles", mAt).toArray(String[]::new));
          }
          if (m.has("is_owner")) {
            member.owner(bool(m, "is_owner", mAt));
          }
          if (m.has("created_at")) {
            member.createdAt(instant(m, "created_at", mAt));
          }
        });
      });
      each(root, "tokens", "", (t, at) -> {
        object(t, at, Set.of("token", "organization", "scopes", "also_in"));
        TokenSeed token = guarded(at, () -> fake.token(text(t, "token", at, true)));
        if (t.has("organization")) {
          guarded(at + "/organization", () -> token.organization(text(t, "organization", at, true)));
        }
        if (t.has("scopes")) {
          guarded(at + "/scopes", () -> token.scopes(strings(t, "scopes", at).toArray(String[]::new)));
        }
        if (t.has("also_in")) {
          guarded(at + "/also_in", () -> token.alsoIn(strings(t, "also_in", at).toArray(String[]::new)));
        }
      });
      if (root.has("regions")) {
        fake.clearRegions();
        each(root, "regions", "", (r, at) -> {
          object(r, at, Set.of("region", "name", "provider", "isDefault", "disabled"));
          RegionSeed region = fake.region(text(r, "region", at, true));
          if (r.has("name")) {
            region.name(text(r, "name", at, true));
          }
          if (r.has("provider")) {
            guarded(at + "/provider", () -> region.provider(text(r, "provider", at, true)));
          }
          if (r.has("isDefault") && bool(r, "isDefault", at)) {
            region.makeDefault();
          }
          if (r.has("disabled")) {
            region.disabled(bool(r, "disabled", at));
          }
        });
      }
    }

    private void app(OrganizationSeed org, JsonNode app, String at) {
      object(app, at, Set.of("id", "name", "description", "visibility", "cname", "cluster_id", "tags", "created_at",
          "api_key", "api_key_2", "secrets"));
      AppSeed a = guarded(at + "/id", () -> org.app(id(app, "id", at)));
      if (app.has("name")) {
        a.name(text(app, "name", at, true));
      }
      if (app.has("description")) {
        a.description(text(app, "description", at, false));
      }
      if (app.has("visibility")) {
        guarded(at + "/visibility", () -> a.visibility(text(app, "visibility", at, true)));
      }
      if (app.has("cname")) {
        a.region(text(app, "cname", at, true));
      }
      if (app.has("cluster_id")) {
        a.clusterId(text(app, "cluster_id", at, false));
      }
      if (app.has("tags") && !app.get("tags").isNull()) {
        JsonNode tags = app.get("tags");
        if (!tags.isObject()) {
          throw fail(at + "/tags", "must be an object of strings");
        }
        tags.properties().forEach(e -> a.tag(e.getKey(), text(tags, e.getKey(), at + "/tags", true)));
      }
      if (app.has("created_at")) {
        a.createdAt(instant(app, "created_at", at));
      }
      if (app.has("api_key") || app.has("api_key_2")) {
        guarded(at, () -> a.apiKeys(text(app, "api_key", at, false), text(app, "api_key_2", at, false)));
      }
      each(app, "secrets", at, (s, sAt) -> {
        object(s, sAt, Set.of("name", "value"));
        a.secret(text(s, "name", sAt, true), text(s, "value", sAt, true));
      });
    }

    private interface Item {
      void accept(JsonNode node, String pointer);
    }

    private void each(JsonNode parent, String field, String at, Item item) {
      JsonNode list = parent.get(field);
      if (list == null) {
        return;
      }
      if (!list.isArray()) {
        throw fail(at + "/" + field, "must be an array");
      }
      for (int i = 0; i < list.size(); i++) {
        item.accept(list.get(i), at + "/" + field + "/" + i);
      }
    }

    private void object(JsonNode node, String at, Set<String> allowed) {
      if (!node.isObject()) {
        throw fail(at, "must be an object");
      }
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw fail(at + "/" + name, "unknown field (known: " + new java.util.TreeSet<>(allowed) + ")");
        }
      }
    }

    private String text(JsonNode node, String field, String at, boolean required) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        if (required) {
          throw fail(at + "/" + field, "is required");
        }
        return null;
      }
      if (!v.isTextual()) {
        throw fail(at + "/" + field, "must be a string");
      }
      return v.asText();
    }

    private long id(JsonNode node, String field, String at) {
      JsonNode v = node.get(field);
      if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong() || v.asLong() <= 0) {
        throw fail(at + "/" + field, "must be a positive integer");
      }
      return v.asLong();
    }

    private boolean bool(JsonNode node, String field, String at) {
      JsonNode v = node.get(field);
      if (!v.isBoolean()) {
        throw fail(at + "/" + field, "must be true or false");
      }
      return v.asBoolean();
    }

    private Instant instant(JsonNode node, String field, String at) {
      String text = text(node, field, at, true);
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw fail(at + "/" + field, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
      }
    }

    private List<String> strings(JsonNode node, String field, String at) {
      JsonNode v = node.get(field);
      if (!v.isArray()) {
        throw fail(at + "/" + field, "must be an array of strings");
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        if (!v.get(i).isTextual()) {
          throw fail(at + "/" + field + "/" + i, "must be a string");
        }
        out.add(v.get(i).asText());
      }
      return out;
    }

    /** The seeding API's own refusals (unknown scope, app of another organization, ...) get the pointer too. */
    private <T> T guarded(String at, java.util.function.Supplier<T> step) {
      try {
        return step.get();
      } catch (IllegalArgumentException | IllegalStateException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(source + ": ")) {
          throw e;
        }
        throw fail(at, e.getMessage());
      }
    }

    private IllegalArgumentException fail(String pointer, String message) {
      return new IllegalArgumentException(source + ": " + (pointer.isEmpty() ? "(root)" : pointer) + " " + message);
    }
  }
}
