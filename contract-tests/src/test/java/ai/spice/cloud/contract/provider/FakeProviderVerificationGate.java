package ai.spice.cloud.contract.provider;

import ai.spice.cloud.testing.SpiceCloudFake;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.IgnoreMissingStateChange;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after the consumer tests (contract-gate execution): every interaction of the pacts they just wrote is
 * replayed against spice-cloud-testing's fake, with its provider states set up through the fake's own API
 * ({@link ProviderStates}). If the fake and the consumer contract disagree, the build fails here.
 */
@Provider("spice-cloud-control-plane")
@PactFolder("${contract.pactDir}")
// States are not @State methods: ProviderStates matches each one itself and fails on an unknown one.
@IgnoreMissingStateChange
class FakeProviderVerificationGate {
  private SpiceCloudFake fake;

  @BeforeEach
  void freshFakeInTheInteractionsState(PactVerificationContext context) {
    fake = SpiceCloudFake.start();
    List<String> states = context.getInteraction().getProviderStates().stream().map(ProviderState::getName).toList();
    ProviderStates.setUp(fake, presentedToken(context), states);
    context.setTarget(new HttpTestTarget("127.0.0.1", fake.port()));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void theFakeAnswersAsThePactSays(PactVerificationContext context) {
    context.verifyInteraction();
  }

  /** The bearer token of the interaction's request (the example value the consumer recorded), or null. */
  private static String presentedToken(PactVerificationContext context) {
    if (!(context.getInteraction() instanceof SynchronousRequestResponse http)) {
      return null;
    }
    Map<String, List<String>> headers = http.getRequest().getHeaders();
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
        .flatMap(e -> e.getValue().stream()).filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(v -> v.substring(7).trim()).findFirst().orElse(null);
  }
}
