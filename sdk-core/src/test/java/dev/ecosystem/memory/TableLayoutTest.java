package dev.ecosystem.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The compact layouts of the in-memory tables (rows that carry their own id: one row, an array, then chunks of
 * {@link SortedRows}; partitions in {@link Partitions}) behave like the sorted maps they replace, through growth,
 * chunk splits, removals and undo.
 */
class TableLayoutTest {
    /** A row that carries its id. */
    private record Row(String id, int version) {
    }

    private final Table<Row> table = Table.keyedBy("rows", Row::id);

    @Test
    void randomWritesAndRollbacks_leaveTheRowsAMapWouldHold_inIdOrder() {
        SplittableRandom random = new SplittableRandom(18);
        Map<Integer, TreeMap<String, Row>> expected = new HashMap<>();
        for (int step = 0; step < 60_000; step++) {
            int partition = random.nextInt(40) == 0 ? 1 : random.nextInt(300) + 2; // partition 1 grows large
            String id = String.format("r%05d", random.nextInt(partition == 1 ? 3_000 : 12));
            TreeMap<String, Row> rows = expected.computeIfAbsent(partition, p -> new TreeMap<>());
            MemoryTransaction tx = new MemoryTransaction(new MemoryTables());
            boolean undo = random.nextInt(50) == 0;
            TreeMap<String, Row> before = new TreeMap<>(rows);
            if (random.nextInt(3) == 0) {
                assertThat(table.remove(tx, partition, id)).isEqualTo(rows.remove(id));
            } else {
                Row row = new Row(id, step);
                assertThat(table.put(tx, partition, id, row)).isEqualTo(rows.put(id, row));
            }
            if (undo) {
                tx.rollback();
                expected.put(partition, before);
                assertThat(table.rows(partition)).isEqualTo(before);
            }
        }
        for (Map.Entry<Integer, TreeMap<String, Row>> partition : expected.entrySet()) {
            TreeMap<String, Row> rows = partition.getValue();
            assertThat(table.count(partition.getKey())).isEqualTo(rows.size());
            assertThat(table.rows(partition.getKey())).isEqualTo(rows);
            assertThat(pages(partition.getKey(), 7)).containsExactlyElementsOf(rows.values());
            assertThat(table.rowArray(partition.getKey())).containsExactlyElementsOf(rows.values());
            for (String id : List.of("r00000", "r00005", "r02999", "r00011")) {
                assertThat(table.get(partition.getKey(), id)).isEqualTo(rows.get(id));
            }
        }
        assertThat(expected.get(1).size()).as("partition 1 took chunks").isGreaterThan(SortedRows.CHUNK * 3);
    }

    @Test
    void rowsAppendedInIdOrder_fillWholeChunks_andPageAcrossThem() {
        MemoryTransaction tx = new MemoryTransaction(new MemoryTables());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < SortedRows.CHUNK * 5 + 3; i++) {
            Row row = new Row(String.format("r%05d", i), 0);
            table.put(tx, "all", row.id(), row);
            rows.add(row);
        }

        assertThat(pages("all", SortedRows.CHUNK)).containsExactlyElementsOf(rows);
        assertThat(pages("all", 100)).containsExactlyElementsOf(rows);
        table.remove(tx, "all", "r00000");
        assertThat(table.get("all", "r00001")).isEqualTo(rows.get(1));
    }

    @Test
    void rowArray_isACopyInIdOrder_thatLaterWritesLeaveAsItWas() {
        MemoryTransaction tx = new MemoryTransaction(new MemoryTables());
        List<Row> rows = new ArrayList<>();
        for (int i = SortedRows.CHUNK * 3; i >= 0; i--) { // descending ids: chunks split, not appended
            Row row = new Row(String.format("r%05d", i), 0);
            table.put(tx, "all", row.id(), row);
            rows.add(0, row);
        }
        table.put(tx, "one", "a", new Row("a", 0));

        Object[] all = table.rowArray("all");
        Object[] one = table.rowArray("one");
        table.put(tx, "all", "r00001", new Row("r00001", 1));
        table.remove(tx, "all", "r00002");
        table.put(tx, "one", "b", new Row("b", 0));

        assertThat(all).containsExactlyElementsOf(rows);
        assertThat(one).containsExactly(new Row("a", 0));
        assertThat(table.rowArray("none")).isEmpty();
    }

    @Test
    void partitions_dropAndFindKeys_throughCollisionsAndResizes() {
        Partitions partitions = new Partitions();
        Map<Object, Object> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 200_000; step++) {
            Integer key = random.nextInt(5_000) * 1024; // keys alike in their low bits
            if (random.nextBoolean()) {
                partitions.put(key, "v" + step);
                expected.put(key, "v" + step);
            } else {
                partitions.remove(key);
                expected.remove(key);
            }
            if (step % 997 == 0) {
                assertThat(partitions.get(key)).isEqualTo(expected.get(key));
            }
        }
        assertThat(partitions.size()).isEqualTo(expected.size());
        for (int i = 0; i < 5_000; i++) {
            assertThat(partitions.get(i * 1024)).isEqualTo(expected.get(i * 1024));
        }
    }

    private List<Row> pages(Object partition, int size) {
        List<Row> all = new ArrayList<>();
        Page<Row> page = table.page(partition, PageRequest.first(size));
        while (true) {
            all.addAll(page.items());
            if (page.nextCursor() == null) {
                return all;
            }
            page = table.page(partition, PageRequest.after(page.nextCursor(), size));
        }
    }
}
