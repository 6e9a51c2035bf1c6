package ai.spice.cloud.spec.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.OpenAPINormalizer;
import org.openapitools.codegen.utils.ModelUtils;

/**
 * openapi-generator's normalizer with one rule more: a {@code oneOf} or {@code anyOf} without a discriminator that
 * has an alternative other than an object (a string, a number, an array...) becomes a schema of any JSON value,
 * which the Java generator types {@code Object}. Named in client/generator.yaml ({@code NORMALIZER_CLASS}).
 *
 * <p>The generator merges the properties of object alternatives into one class, which reads whichever arrives. An
 * alternative without properties has nothing to merge, so for {@code oneOf: [string, integer]} it writes an empty
 * class that no value fits, and every response carrying the field would fail it. As {@code Object} the field
 * reads what was sent (a String, Integer, List or Map) and a request sends what the caller set.
 */
public class AnyValueUnionsNormalizer extends OpenAPINormalizer {

  public AnyValueUnionsNormalizer(OpenAPI openAPI, Map<String, String> inputRules) {
    super(openAPI, inputRules);
  }

  @Override
  protected Schema normalizeOneOf(Schema schema, Set<Schema> visitedSchemas) {
    Schema result = super.normalizeOneOf(schema, visitedSchemas);
    return result == null ? null : anyValueUnlessObjects(result, result.getOneOf());
  }

  @Override
  protected Schema normalizeAnyOf(Schema schema, Set<Schema> visitedSchemas) {
    Schema result = super.normalizeAnyOf(schema, visitedSchemas);
    return result == null ? null : anyValueUnlessObjects(result, result.getAnyOf());
  }

  private Schema anyValueUnlessObjects(Schema union, List<Schema> alternatives) {
    // An object union (type object beside the oneOf) only constrains which properties come together.
    if (alternatives == null || union.getDiscriminator() != null || declared(union).contains("object")
        || alternatives.stream().allMatch(a -> objectOrUntyped(ModelUtils.getReferencedSchema(openAPI, a)))) {
      return union;
    }
    // Kept: what the union says of itself (description, nullable, readOnly...); dropped: what it may hold.
    union.setOneOf(null);
    union.setAnyOf(null);
    union.setType(null);
    union.setTypes(null);
    return union;
  }

  /** Whether an alternative holds objects only, or says nothing of its type (it constrains the others). */
  private static boolean objectOrUntyped(Schema alternative) {
    return alternative == null || declared(alternative).stream().allMatch(t -> "object".equals(t) || "null".equals(t));
  }

  private static Set<String> declared(Schema schema) {
    if (schema.getTypes() != null) {
      return schema.getTypes();
    }
    return schema.getType() == null ? Set.of() : Set.of(schema.getType());
  }
}
