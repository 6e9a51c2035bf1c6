package ai.spice.cloud.reliability;

import java.io.IOException;

/**
 * What the fault server does with one request. Returns true when the connection may carry the next request
 * (a complete, well-framed response), false when the server must drop it.
 */
@FunctionalInterface
interface Fault {
    boolean apply(Exchange exchange) throws IOException, InterruptedException;
}
