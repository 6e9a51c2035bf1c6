package ai.spice.cloud.spec.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small OpenAPI fragments for tests, written in JSON with single quotes for readability. */
final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static ObjectNode json(String singleQuoted) {
    try {
      return (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode node(String singleQuoted) {
    try {
      return JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-operation fragment in the shape the docs site publishes. */
  static ObjectNode fragment(String path, String method, String operation, String schemas) {
    return json("{'openapi':'3.1.0','info':{'title':'T','version':'v1'},"
        + "'servers':[{'url':'https://api.spice.ai'}],'security':[{'BearerAuth':[]}],"
        + "'tags':[{'name':'API Keys'}],"
        + "'components':{'securitySchemes':{'BearerAuth':{'type':'http','scheme':'bearer'}},"
        + "'schemas':{" + schemas + "}},"
        + "'paths':{'" + path + "':{'" + method + "':" + operation + "}}}");
  }

  static String operation(String responseRef) {
    return "{'responses':{'200':{'description':'ok','content':{'application/json':{'schema':{'$ref':'#/components/schemas/"
        + responseRef + "'}}}}}}";
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The module directory; surefire runs tests from it. */
  static Path specModule() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  }
}
