package ai.spice.cloud.bench.contenders;

/** What a contender's parsed response says, in one shape, so tests and setup can check every contender alike. */
public record Observed(String apiKey, String apiKey2, Integer regeneratedKey) {}
