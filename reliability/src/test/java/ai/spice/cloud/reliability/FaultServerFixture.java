package ai.spice.cloud.reliability;

import ai.spice.cloud.client.SpiceCloudClient;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh fault server per test, and the standard test client pointed at it with a recording sleeper. */
abstract class FaultServerFixture {
    FaultServer server;
    RecordingSleeper sleeper;
    SpiceCloudClient client;

    @BeforeEach
    void startFaultServer() throws IOException {
        server = FaultServer.start();
        sleeper = new RecordingSleeper();
        client = TestClients.client(server.baseUrl(), sleeper);
    }

    @AfterEach
    void stopFaultServer() {
        server.close();
    }
}
