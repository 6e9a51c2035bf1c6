package ai.spice.cloud.testing;

import java.util.Optional;

/**
 * The operations of the merged OpenAPI document, exactly those the fake serves (a test checks both lists match).
 * Each names the scope the real API requires, per its public documentation.
 */
public enum Operation {
  /** {@code GET /v1/apps}: the organization's apps; scope {@code apps:read}. */
  LIST_APPS("listApps", "GET", "/v1/apps", "apps:read"),
  /** {@code GET /v1/apps/{appId}/api-keys}: the app's two keys; scope {@code apps:read}. */
  GET_API_KEYS("getApiKeys", "GET", "/v1/apps/{appId}/api-keys", "apps:read"),
  /** {@code POST /v1/apps/{appId}/api-keys}: regenerates one or both keys; scope {@code apps:write}. */
  REGENERATE_API_KEY("regenerateApiKey", "POST", "/v1/apps/{appId}/api-keys", "apps:write"),
  /** {@code GET /v1/apps/{appId}/secrets}: the app's secrets, values masked; scope {@code secrets:read}. */
  LIST_SECRETS("listSecrets", "GET", "/v1/apps/{appId}/secrets", "secrets:read"),
  /** {@code GET /v1/members}: the organization's members; scope {@code members:read}. */
  LIST_MEMBERS("listMembers", "GET", "/v1/members", "members:read"),
  /** No scope of the documented list covers regions: any token with at least one scope may list them. */
  LIST_REGIONS("listRegions", "GET", "/v1/regions", null),
  /** Public: no token needed (the document's {@code security: []}). */
  GET_HEALTH("getHealth", "GET", "/v1/health", null);

  private final String operationId;
  private final String method;
  private final String pathTemplate;
  private final String requiredScope;

  Operation(String operationId, String method, String pathTemplate, String requiredScope) {
    this.operationId = operationId;
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.requiredScope = requiredScope;
  }

  /** @return the document's operationId, e.g. {@code regenerateApiKey} */
  public String operationId() {
    return operationId;
  }

  /** @return the HTTP method, upper case */
  public String method() {
    return method;
  }

  /** @return the document's path template, e.g. {@code /v1/apps/{appId}/api-keys} */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** @return the scope a token needs, empty when any valid token (or, for health, none) will do */
  public Optional<String> requiredScope() {
    return Optional.ofNullable(requiredScope);
  }

  /** @return whether the operation needs no token at all */
  public boolean isPublic() {
    return this == GET_HEALTH;
  }
}
