package org.vaultline.library.inventory;

/**
 * How an inventory went, for the log and the benchmark.
 *
 * @param readElementStatusCommands READ ELEMENT STATUS commands sent (refused ones included)
 * @param reissued requests sent again with the header's byte count as allocation length
 * @param chunkHalvings times the number of elements per request was halved after 5/24/00
 * @param elementsPerRequest the number of elements per request at the end
 */
public record InventoryStatistics(int readElementStatusCommands, int reissued, int chunkHalvings,
    int elementsPerRequest) {
}
