package ai.spice.cloud.spec.compat;

/** The breaking-change rules, each with the reason it breaks an existing consumer. */
public enum Rule {
  JAVA_SURFACE_CHANGED("teams compile against the generated client: a public method, type or field removed or"
      + " changed stops their code compiling or linking, although nothing changed on the wire"),
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
  SECURITY_SCHEME_CHANGED("consumers send credentials in the baseline's form; that form is no longer accepted"),
  NUMERIC_RANGE_NARROWED_ON_INPUT("a number consumers send inside the old bounds is now out of range and rejected"),
  NUMERIC_RANGE_WIDENED_ON_OUTPUT("consumers receive numbers outside the bounds they were promised; code sized or"
      + " validated to those bounds fails"),
  LENGTH_NARROWED_ON_INPUT("a string consumers send with a length that was valid is now rejected"),
  LENGTH_WIDENED_ON_OUTPUT("consumers receive strings longer or shorter than promised; columns, buffers and"
      + " validators sized to the old bounds fail"),
  PATTERN_TIGHTENED_ON_INPUT("a string consumers send that was valid (it matched the old pattern, or there was"
      + " none) may now be rejected; patterns cannot be compared, so any new or changed pattern is a break"),
  PATTERN_LOOSENED_ON_OUTPUT("consumers receive strings the old pattern excluded; parsing that relies on it fails"),
  ITEMS_NARROWED_ON_INPUT("an array consumers send with an item count (or duplicates) that was valid is now"
      + " rejected"),
  ITEMS_WIDENED_ON_OUTPUT("consumers receive arrays with more or fewer items, or duplicates, than promised"),
  PROPERTY_COUNT_NARROWED_ON_INPUT("an object consumers send with a property count that was valid is now"
      + " rejected"),
  PROPERTY_COUNT_WIDENED_ON_OUTPUT("consumers receive objects with more or fewer properties than promised"),
  MULTIPLE_OF_TIGHTENED_ON_INPUT("a number consumers send that was a valid multiple is now rejected"),
  MULTIPLE_OF_LOOSENED_ON_OUTPUT("consumers receive numbers off the step they were promised (e.g. fractions where"
      + " whole units were promised)"),
  CONST_TIGHTENED_ON_INPUT("consumers send a value the new constant rejects"),
  CONST_LOOSENED_ON_OUTPUT("consumers rely on receiving the constant; other values may now arrive"),
  RESPONSE_HEADER_REMOVED("consumers read this response header (e.g. Retry-After, a location); it is no longer"
      + " sent"),
  RESPONSE_HEADER_NO_LONGER_REQUIRED("consumers rely on this response header being present; it may now be absent"),
  COMPOSITION_NARROWED_ON_INPUT("a value consumers send that the old oneOf/anyOf/allOf accepted is no longer"
      + " accepted (an alternative was removed, or a constraint was added)"),
  COMPOSITION_WIDENED_ON_OUTPUT("consumers receive a shape outside what they decode (a new oneOf/anyOf"
      + " alternative, or an allOf constraint dropped)"),
  // Webhooks and callbacks: the API sends the request and the consumer's receiver answers it.
  CALLBACK_PARAMETER_REMOVED("receivers of a webhook or callback read this parameter (e.g. a signature header);"
      + " the API no longer sends it"),
  CALLBACK_PARAMETER_NO_LONGER_REQUIRED("receivers rely on the API always sending this parameter; it may now be"
      + " absent"),
  CALLBACK_REQUEST_BODY_NO_LONGER_REQUIRED("receivers parse the payload the API sends; it may now be absent"),
  CALLBACK_REQUEST_MEDIA_TYPE_ADDED("the API may now send the payload in a form receivers do not decode; a"
      + " webhook request has no Accept header for the receiver to refuse it with"),
  CALLBACK_RESPONSE_STATUS_REMOVED("receivers answer with this status; the API no longer says how it treats it"
      + " (it may retry the delivery or drop the subscription)"),
  CALLBACK_RESPONSE_MEDIA_TYPE_REMOVED("receivers answer in this content type; the API no longer accepts it"),
  CALLBACK_REMOVED("receivers rely on the events this webhook or callback delivers; the API no longer sends them,"
      + " so what they trigger stops happening without any error"),
  CALLBACK_RESPONSE_HEADER_NOW_REQUIRED("receivers do not send this header in their answer; the API now requires"
      + " it"),
  SCHEMA_NARROWED_ON_INPUT("a value consumers send that was valid is now rejected (by additionalProperties, items,"
      + " prefixItems, contains, dependentRequired, dependentSchemas, if/then/else, propertyNames,"
      + " patternProperties, unevaluated*, a changed content encoding or media type, or a schema given to content"
      + " that had none)"),
  SCHEMA_WIDENED_ON_OUTPUT("consumers receive values the baseline's schema excluded (by additionalProperties,"
      + " items, prefixItems, contains, dependentRequired, dependentSchemas, if/then/else, propertyNames,"
      + " patternProperties, unevaluated*, a changed content encoding or media type, or the schema of content"
      + " removed)"),
  UNSUPPORTED_KEYWORD_CHANGED("the gate does not know what this schema keyword means, so it cannot tell whether"
      + " the change breaks consumers; a reviewer judges it (and accepts it in accepted-breaks.yaml if harmless)"),
  SERIALIZATION_CHANGED("clients write (and read) the value by the baseline's style, explode and reserved or"
      + " empty-value rules; a changed rule puts other bytes on the wire than the other side expects");

  private final String why;

  Rule(String why) {
    this.why = why;
  }

  public String why() {
    return why;
  }
}
