package dev.pedigree.regulation;

/**
 * A number a verdict used, with the threshold it was compared to and where that threshold
 * comes from.
 */
public record Figure(String name, Double value, Double threshold, String article) {
}
