package ai.spice.cloud.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.cloud.spec.conformance.Interaction;
import java.nio.file.Path;
import java.util.List;

/** The pact files the consumer tests of this build wrote (system property contract.pactDir). */
final class ProducedPacts {
  static final String CONSUMER = "spice-cloud-java";
  static final String PROVIDER = "spice-cloud-control-plane";

  private ProducedPacts() {}

  static Path dir() {
    return Path.of(System.getProperty("contract.pactDir", "target/pacts"));
  }

  /** Fails when the consumer tests produced nothing: an empty gate must not pass. */
  static List<PactFile> read() {
    List<PactFile> pacts = PactFile.readAll(dir());
    assertThat(pacts).as("pact files in " + dir().toAbsolutePath() + " (written by the consumer tests)").isNotEmpty();
    assertThat(pacts).extracting(PactFile::consumer).containsOnly(CONSUMER);
    assertThat(pacts).extracting(PactFile::provider).containsOnly(PROVIDER);
    assertThat(pacts).extracting(PactFile::specVersion).allSatisfy(v -> assertThat(v).startsWith("4."));
    pacts.forEach(p -> assertThat(p.unsupported()).as(p.file().toString()).isEmpty());
    return pacts;
  }

  static List<Interaction> interactions(List<PactFile> pacts) {
    return pacts.stream().flatMap(p -> p.interactions().stream()).toList();
  }
}
