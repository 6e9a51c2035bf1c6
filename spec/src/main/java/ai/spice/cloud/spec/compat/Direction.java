package ai.spice.cloud.spec.compat;

/**
 * Which way a value travels. What consumers send (request bodies, parameters) may be widened, never narrowed;
 * what they receive (response bodies, response headers) may be narrowed, never widened.
 */
enum Direction {
  INPUT,
  OUTPUT;

  String label() {
    return this == INPUT ? "request" : "response";
  }
}
