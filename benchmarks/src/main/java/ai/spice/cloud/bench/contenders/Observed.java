package ai.spice.cloud.bench.contenders;

/**
 * What a contender's parsed response says, in one shape, so tests and setup can check every contender alike:
 * the two keys and the regenerated key number, or for regions the first region and the default one.
 */
public record Observed(String first, String second, Integer number) {}
