package ai.spice.cloud.client;

import java.util.Map;

/**
 * What a decoded model could not hold, by JSON member name: read it from the model instead, with
 * {@link SpiceCloudModel#_additionalProperties()} and {@link SpiceCloudModel#_unknown(String)}.
 *
 * @deprecated the model carries these itself; this reads them from it and will be removed
 */
@Deprecated
public final class UnknownMembers {

  private UnknownMembers() {}

  /**
   * Members a model the client decoded has no field for, and the values sent for known members it could not
   * hold (an enum value it does not list, a malformed value).
   *
   * @param model a model the client decoded (or one nested in it), or anything else
   * @return those members by name, unmodifiable; empty for anything that is not a model
   */
  public static Map<String, Object> of(Object model) {
    return model instanceof SpiceCloudModel m ? SpiceCloudModel.everythingUnknown(m) : Map.of();
  }
}
