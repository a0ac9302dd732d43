package dev.pedigree.interchange;

/**
 * What to export: one model's family (to a depth, in a direction), or the whole graph
 * when {@code modelId} is null.
 */
public record ExportRequest(ExportFormat format, String modelId, Direction direction, Integer depth) {
}
