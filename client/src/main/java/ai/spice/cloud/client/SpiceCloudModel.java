package ai.spice.cloud.client;

import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every generated model extends: what a response sent that the model cannot hold stays with the model,
 * read from it and garbage-collected with it.
 *
 * <ul>
 *   <li>A member the model has no field for (one the API added later): {@link #_additionalProperties()}.
 *   <li>A value an enum does not list: the getter returns {@code UNKNOWN_DEFAULT_OPEN_API},
 *       {@link #_unknown(String)} the value sent (a {@code regenerated_key} of 3 reads 3).
 *   <li>A malformed value of a known field (a date without its time, text where a number belongs): the call
 *       still returns the model and every other field reads as sent; that field's getter throws
 *       {@link SpiceCloudInvalidResponseException} naming the member, the operation and the JSON pointer,
 *       {@link #_unknown(String)} returns the value sent, and {@link #validate()} throws for the first such
 *       field here or in a model nested in this one.
 * </ul>
 * Values are plain Java JSON values: String, Integer, Long, BigInteger, Double, Boolean, List, Map or null.
 * None of this takes part in {@code equals} and {@code hashCode} (two responses with the same fields decode
 * to equal models, equal to one a caller builds with those fields unless the model has a secret member or a
 * malformed value, which decode into a subclass) or shows in {@code toString()}, which counts it only: values
 * may be secrets. A model a response fitted entirely carries one null reference and nothing else.
 */
public abstract class SpiceCloudModel {

  /** Null until a response sends something this model cannot hold. */
  private Extras extras;

  /** Only the generated models extend this. */
  protected SpiceCloudModel() {}

  private static final class Extras {
    Map<String, Object> members; // by name, in the order sent
    Map<String, Object> values; // known members: an unknown enum value as sent, or a Tolerance.Malformed
    List<Tolerance.Malformed> problems; // malformed values here and in models nested in this one, as sent
  }

  /**
   * The members the response sent that this model has no field for, by JSON name in the order sent.
   *
   * @return an unmodifiable view; empty when there were none or the model was not decoded by the client
   */
  public final Map<String, Object> _additionalProperties() {
    return extras == null || extras.members == null ? Map.of() : Collections.unmodifiableMap(extras.members);
  }

  /**
   * What the response sent for {@code name} where the model could not hold it: a member it has no field for,
   * a value its enum does not list, or a malformed value of a known field.
   *
   * @param name the member's JSON name, e.g. {@code "regenerated_key"}
   * @return the value as sent (JSON null is {@code null}); {@code null} when the model held what was sent
   */
  public final Object _unknown(String name) {
    if (extras == null) {
      return null;
    }
    Object value = extras.values == null ? null : extras.values.get(name);
    if (value instanceof Tolerance.Malformed malformed) {
      return malformed.value();
    }
    return value != null || extras.members == null ? value : extras.members.get(name);
  }

  /**
   * Checks that every field of this model and of the models nested in it read as its type: what
   * {@code strictDecoding(true)} does to every response.
   *
   * @throws SpiceCloudInvalidResponseException for the first malformed value, naming its member, the
   *     operation and the JSON pointer (never the value of a secret member)
   */
  public final void validate() {
    if (extras != null && extras.problems != null) {
      throw extras.problems.get(0).exception();
    }
  }

  /**
   * Equal as far as this class goes: the generated {@code equals} compares the fields and asks this last, so
   * what a model could not hold does not take part.
   *
   * @param other the object compared with
   * @return whether {@code other} is of the same class
   */
  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  /**
   * Contributes nothing to the generated {@code hashCode}: nothing here takes part in equality.
   *
   * @return 0
   */
  @Override
  public int hashCode() {
    return 0;
  }

  /**
   * The line the generated {@code toString()} prints for this class: how many members the model could not
   * hold, never their names or values (a newer API's member may be a secret the redaction does not know).
   *
   * @return {@code _unknown: } and that count
   */
  @Override
  public String toString() {
    return "_unknown: " + (extras == null ? 0 : (extras.values == null ? 0 : extras.values.size())
        + (extras.members == null ? 0 : extras.members.size()));
  }

  // For the decoding (Tolerance) and the decoded subclasses (DecodedModels): the generated models sit in another
  // package, so these are static and take the model.

  static void keepMember(SpiceCloudModel model, String name, Object value) {
    Extras e = extras(model);
    (e.members == null ? e.members = new LinkedHashMap<>() : e.members).put(name, value);
  }

  /** An unknown enum value as sent, or a {@link Tolerance.Malformed} value. */
  static void keepValue(SpiceCloudModel model, String name, Object value) {
    Extras e = extras(model);
    (e.values == null ? e.values = new LinkedHashMap<>() : e.values).put(name, value);
  }

  /** For {@link #validate()} of this model: a malformed value in it or in a model nested in it. */
  static void keepProblem(SpiceCloudModel model, Tolerance.Malformed problem) {
    Extras e = extras(model);
    (e.problems == null ? e.problems = new ArrayList<>(2) : e.problems).add(problem);
  }

  /** What a decoded model's getter does first: throws if the response sent {@code name} malformed. */
  static void checkRead(SpiceCloudModel model, String name) {
    Extras e = model.extras;
    if (e != null && e.values != null && e.values.get(name) instanceof Tolerance.Malformed malformed) {
      throw malformed.exception();
    }
  }

  /** {@code copy}, sharing what is unknown in {@code model} (the checking copy, the masked copy it prints). */
  static <T extends SpiceCloudModel> T withExtrasOf(SpiceCloudModel model, T copy) {
    ((SpiceCloudModel) copy).extras = model.extras;
    return copy;
  }

  /** Whether the response sent a known member of this very model malformed (so its getter must throw). */
  static boolean hasMalformed(SpiceCloudModel model) {
    Extras e = model.extras;
    if (e == null || e.values == null) {
      return false;
    }
    for (Object value : e.values.values()) {
      if (value instanceof Tolerance.Malformed) {
        return true;
      }
    }
    return false;
  }

  private static Extras extras(SpiceCloudModel model) {
    return model.extras != null ? model.extras : (model.extras = new Extras());
  }
}
