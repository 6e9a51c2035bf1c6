package ai.spice.cloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ai.spice.cloud.client.testing.GeneratedTypes;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A model the caller builds sends only what the caller set: a field the document gives a default is left to the
 * server, so an optional field with a default that upstream adds changes no request the client sends.
 */
class FreshModelsTest {

  private static List<Class<?>> models() {
    List<Class<?>> models = GeneratedTypes.models().stream().filter(SpiceCloudModel.class::isAssignableFrom).toList();
    assertThat(models).as("generated models").isNotEmpty();
    return models;
  }

  private static Set<String> requiredMembers(Class<?> model) {
    return Arrays.stream(model.getMethods()).map(m -> m.getAnnotation(JsonProperty.class))
        .filter(p -> p != null && p.required()).map(JsonProperty::value).collect(Collectors.toSet());
  }

  @TestFactory
  Stream<DynamicTest> aFreshModelSendsNoOptionalMember() {
    return models().stream().map(model -> dynamicTest(model.getSimpleName(), () -> {
      JsonNode sent = Models.MAPPER.valueToTree(model.getConstructor().newInstance());
      Set<String> members = sent.properties().stream().map(e -> e.getKey()).collect(Collectors.toSet());
      assertThat(members).as(model.getSimpleName() + " sent " + sent).isSubsetOf(requiredMembers(model));
    }));
  }
}
