package ai.spice.cloud.spec.compat;

/**
 * Which way a value travels, and in whose exchange. What consumers send may be widened, never narrowed; what
 * they receive may be narrowed, never widened. In an operation consumers send the request and receive the
 * response; in a webhook or callback the API sends the payload and the consumer's receiver sends the reply, so
 * the payload is output and the reply input. The exchange only names the value in finding texts.
 */
enum Direction {
  INPUT(true, "request"),
  OUTPUT(false, "response"),
  /** A receiver's answer to a webhook or callback. */
  REPLY(true, "reply"),
  /** What the API sends to a webhook or callback receiver. */
  PAYLOAD(false, "payload");

  private final boolean input;
  private final String label;

  Direction(boolean input, String label) {
    this.input = input;
    this.label = label;
  }

  /** What consumers (or their receivers) send; otherwise what they receive. */
  boolean input() {
    return input;
  }

  /** The other way in the same exchange (request and response, payload and reply). */
  Direction reversed() {
    return switch (this) {
      case INPUT -> OUTPUT;
      case OUTPUT -> INPUT;
      case REPLY -> PAYLOAD;
      case PAYLOAD -> REPLY;
    };
  }

  /** The value as the reader of a finding knows it: request, response, payload or reply. */
  String label() {
    return label;
  }
}
