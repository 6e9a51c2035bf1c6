package ai.spice.cloud.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response before it goes on the wire: status, extra headers, JSON body, and why it is beyond the document
 * (null when the document describes it). Errors carry the API's body shape: {@code {"error", "code", "details"?}}.
 */
record Reply(int status, Map<String, String> headers, ObjectNode body, String undocumented) {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  static Reply ok(ObjectNode body) {
    return new Reply(200, Map.of(), body, null);
  }

  static Reply error(int status, String code, String message) {
    ObjectNode body = JSON.objectNode().put("error", message).put("code", code);
    return new Reply(status, Map.of(), body, null);
  }

  /** A validation error, with Zod-style details as the API sends them. */
  static Reply invalid(String message, String field, String problem) {
    ObjectNode body = JSON.objectNode().put("error", message).put("code", "invalid_request");
    ObjectNode details = body.putObject("details");
    ObjectNode fieldErrors = details.putObject("fieldErrors");
    var formErrors = details.putArray("formErrors");
    if (field == null) {
      formErrors.add(problem);
    } else {
      fieldErrors.putArray(field).add(problem);
    }
    return new Reply(400, Map.of(), body, null);
  }

  Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, Map.copyOf(h), body, undocumented);
  }

  Reply beyondDocument(String why) {
    return new Reply(status, headers, body, why);
  }
}
