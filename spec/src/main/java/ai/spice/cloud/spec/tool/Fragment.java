package ai.spice.cloud.spec.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One published OpenAPI document, as found in a file. */
public record Fragment(String name, ObjectNode document) {}
