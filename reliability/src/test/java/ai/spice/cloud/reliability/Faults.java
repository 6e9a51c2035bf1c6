package ai.spice.cloud.reliability;

import java.time.Duration;
import java.util.Arrays;

/** The misbehaviours the fault server can script, one per production failure mode. */
final class Faults {
    private Faults() {
    }

    /** Reads the request, then aborts the connection with RST before a single response byte. */
    static Fault resetBeforeResponse() {
        return exchange -> {
            exchange.reset();
            return false;
        };
    }

    /** Sends the head and the first {@code bodyBytes} of the body, then resets. */
    static Fault resetMidBody(Reply reply, int bodyBytes) {
        return exchange -> {
            writePartial(exchange, reply, bodyBytes);
            // Let the bytes leave before the RST overtakes them.
            exchange.pause(Duration.ofMillis(50));
            exchange.reset();
            return false;
        };
    }

    /** Accepts the request and never writes a byte (the client's read timeout must end the call). */
    static Fault neverAnswer() {
        return exchange -> {
            exchange.stall();
            return false;
        };
    }

    /** Sends the head and {@code bodyBytes} of the body, then goes silent. */
    static Fault headersThenStall(Reply reply, int bodyBytes) {
        return exchange -> {
            writePartial(exchange, reply, bodyBytes);
            exchange.stall();
            return false;
        };
    }

    /** Writes the whole response one byte at a time with {@code gap} between bytes. */
    static Fault trickle(Reply reply, Duration gap) {
        return exchange -> {
            for (byte b : reply.bytes()) {
                exchange.out().write(b);
                exchange.out().flush();
                if (!exchange.pause(gap)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Sends the head at once, then the body one byte at a time with {@code gap} between bytes. */
    static Fault headThenTrickleBody(Reply reply, Duration gap) {
        return exchange -> {
            exchange.out().write(reply.head());
            exchange.out().flush();
            for (byte b : reply.bodyBytes()) {
                if (!exchange.pause(gap)) {
                    return false;
                }
                exchange.out().write(b);
                exchange.out().flush();
            }
            return true;
        };
    }

    private static void writePartial(Exchange exchange, Reply reply, int bodyBytes) throws java.io.IOException {
        exchange.out().write(reply.head());
        byte[] body = reply.bodyBytes();
        exchange.out().write(Arrays.copyOf(body, Math.min(bodyBytes, body.length)));
        exchange.out().flush();
    }
}
