package ai.spice.cloud.spec.compat;

/**
 * The kinds of change that break no existing consumer. Each says which version step it needs (additive
 * changes give consumers something new: a minor release; the rest a patch) and where the changelog lists it.
 */
public enum ChangeKind {
  ADDED_OPERATION(Bump.MINOR, Group.OPERATIONS),
  ADDED_OPTIONAL_PARAMETER(Bump.MINOR, Group.FIELDS),
  ADDED_REQUEST_PROPERTY(Bump.MINOR, Group.FIELDS),
  ADDED_RESPONSE_PROPERTY(Bump.MINOR, Group.FIELDS),
  ADDED_RESPONSE_HEADER(Bump.MINOR, Group.FIELDS),
  ADDED_INPUT_ENUM_VALUE(Bump.MINOR, Group.ENUM_VALUES),
  ADDED_RESPONSE_STATUS(Bump.MINOR, Group.OTHER_ADDITIVE),
  ADDED_MEDIA_TYPE(Bump.MINOR, Group.OTHER_ADDITIVE),
  /** Something consumers send is accepted more widely: a looser bound, a wider type, an optional input. */
  RELAXED_CONSTRAINT(Bump.MINOR, Group.OTHER_ADDITIVE),
  RELAXED_SECURITY(Bump.MINOR, Group.OTHER_ADDITIVE),
  /** Something consumers receive is promised more narrowly; they handle it already. */
  TIGHTENED_OUTPUT(Bump.PATCH, Group.OTHER),
  REMOVED_ERROR_RESPONSE(Bump.PATCH, Group.OTHER),
  /** A default no consumer relies on: of a value they always send (a required input), or of one they receive. */
  CHANGED_DEFAULT(Bump.PATCH, Group.OTHER),
  /**
   * A property that does not travel this way changed: readOnly in a request or writeOnly in a response (made
   * required, removed, retyped); consumers neither send nor receive it.
   */
  CHANGED_PROPERTY_NOT_SENT(Bump.PATCH, Group.OTHER),
  /** Consumers fill path positions, not names; generated method parameter names follow the new name. */
  RENAMED_PATH_PARAMETER(Bump.PATCH, Group.OTHER),
  /** The comparison stopped at its depth limit; a reviewer looks at what lies below by hand. */
  NOT_COMPARED(Bump.PATCH, Group.OTHER);

  /** The changelog's headings for non-breaking changes, in the order they appear. */
  public enum Group {
    OPERATIONS("Added operations"),
    FIELDS("Added fields and parameters"),
    ENUM_VALUES("Added enum values"),
    OTHER_ADDITIVE("Other additive changes"),
    OTHER("Other changes");

    private final String heading;

    Group(String heading) {
      this.heading = heading;
    }

    public String heading() {
      return heading;
    }
  }

  private final Bump bump;
  private final Group group;

  ChangeKind(Bump bump, Group group) {
    this.bump = bump;
    this.group = group;
  }

  public Bump bump() {
    return bump;
  }

  public Group group() {
    return group;
  }
}
