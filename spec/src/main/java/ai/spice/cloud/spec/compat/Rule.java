package ai.spice.cloud.spec.compat;

/** The breaking-change rules, each with the reason it breaks an existing consumer. */
public enum Rule {
  PATH_REMOVED("consumers still call this path; it now answers 404 (a renamed path is a removal plus an addition)"),
  OPERATION_REMOVED("consumers still call this method on this path; it now fails"),
  OPERATION_ID_CHANGED("generated clients name their methods after the operationId; consumer code stops compiling"),
  PARAMETER_REMOVED("consumers still send this parameter; the server ignores or rejects it (a rename is a removal)"),
  PARAMETER_NOW_REQUIRED("existing consumers do not send this parameter; their requests are now rejected"),
  REQUEST_BODY_NOW_REQUIRED("existing consumers send the request without a body; it is now rejected"),
  REQUEST_MEDIA_TYPE_REMOVED("consumers still send this content type; the server now rejects it (415)"),
  REQUEST_PROPERTY_REMOVED("consumers still send this property; the server ignores or rejects it"),
  REQUIRED_PROPERTY_ADDED("existing consumers do not send this property; their requests are now rejected"),
  RESPONSE_STATUS_REMOVED("consumers rely on this success status; the operation now answers differently"),
  RESPONSE_MEDIA_TYPE_REMOVED("consumers decode this content type; the response now comes in another form"),
  RESPONSE_PROPERTY_REMOVED("consumers read this property; it is no longer sent (a rename is a removal)"),
  RESPONSE_PROPERTY_NO_LONGER_REQUIRED("consumers rely on this property being present; it may now be absent"),
  ENUM_NARROWED("a value consumers send or handle is gone: requests with it are rejected, code using it breaks"),
  ENUM_WIDENED_ON_OUTPUT("consumers receive a value they do not know; strict decoders and exhaustive switches fail"),
  TYPE_CHANGED("values consumers send are rejected, or values they receive no longer decode into their types"),
  FORMAT_CHANGED("generated clients map the format to a language type (int32 Integer, int64 Long); that type changes"),
  DEFAULT_CHANGED("consumers that omit the value now get different behaviour (for key_number: a different key is"
      + " regenerated and the old one invalidated at once)"),
  SECURITY_CHANGED("consumers authenticate as the baseline requires; those credentials are no longer accepted"),
  SECURITY_SCHEME_CHANGED("consumers send credentials in the baseline's form; that form is no longer accepted");

  private final String why;

  Rule(String why) {
    this.why = why;
  }

  public String why() {
    return why;
  }
}
