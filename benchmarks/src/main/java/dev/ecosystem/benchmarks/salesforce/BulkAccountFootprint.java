package dev.ecosystem.benchmarks.salesforce;

import com.fasterxml.jackson.databind.MappingIterator;
import dev.ecosystem.model.Account;
import dev.ecosystem.salesforce.BulkBench;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints the heap retained per account after a full sync from Bulk API 2.0 CSV pages ({@link BulkAccountPages}),
 * with every mapped {@link Account} held in a list, for sdk-salesforce's reader (which shares the values that repeat
 * across accounts: country, owner, type) and for the naive peers of {@link BulkSyncBenchmark}: Jackson's
 * {@code CsvMapper} rows mapped the same way without sharing, and those rows kept as {@code Map}s, as a sync that
 * holds what it read would. The figure is the live heap after full GCs with the list held, minus the live heap before
 * (the pages and the presized list held in both), divided by the number of accounts.
 *
 * <pre>
 * nice ./mvnw -o -q -pl benchmarks -am package -DskipTests
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.ecosystem.benchmarks.salesforce.BulkAccountFootprint 1000000
 * </pre>
 */
public final class BulkAccountFootprint {
    private BulkAccountFootprint() {
    }

    /** Syncs {@code args[0]} accounts (default 1,000,000) each way and prints the bytes retained per account. */
    public static void main(String[] args) throws IOException {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : BulkSyncBenchmark.ACCOUNTS;
        List<byte[]> pages = BulkAccountPages.generate(accounts, BulkSyncBenchmark.PAGE_SIZE, 20261206L);
        BulkBench bench = new BulkBench(BulkSyncBenchmark.TENANT);

        List<Object> held = new ArrayList<>(accounts);
        long before = liveHeap();
        bench.parseAndMap(pages, held::add);
        report("sdk-salesforce reader (BulkCsvRows + BulkAccountRows)", held, before);

        held.clear();
        before = liveHeap();
        BulkSyncBenchmark.jacksonMap(pages, BulkSyncBenchmark.mapping(bench, held::add));
        report("Jackson CsvMapper Map rows, mapped without sharing", held, before);

        held.clear();
        before = liveHeap();
        for (byte[] page : pages) {
            try (MappingIterator<Map<String, String>> rows = BulkSyncBenchmark.mapReader().readValues(page)) {
                while (rows.hasNextValue()) {
                    held.add(rows.nextValue());
                }
            }
        }
        report("Jackson CsvMapper Map rows held as read", held, before);
    }

    private static void report(String what, List<Object> held, long before) {
        long retained = liveHeap() - before;
        System.out.printf("%-55s %,d objects, %.1f MB retained = %d bytes per account%n", what, held.size(),
                retained / 1048576.0, retained / Math.max(1, held.size()));
    }

    private static long liveHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
