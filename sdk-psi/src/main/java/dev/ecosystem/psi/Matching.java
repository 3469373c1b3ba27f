package dev.ecosystem.psi;

import dev.ecosystem.psi.internal.Points;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compares my double-blinded tags with theirs and builds the result. */
final class Matching {
    private Matching() {
    }

    /**
     * @param own my groups as I sent them
     * @param ownTags my tags as the other side returned them (per group, in my order or shuffled)
     * @param theirs the other side's set
     * @param theirTags the tags of the other side's points, blinded by me, in their order
     * @param type the message that carried {@code theirs}, for errors
     */
    static PsiResult compare(PsiMode mode, PsiSets mine, Blinding.Own own, byte[] ownTags, Wire.BlindedSet theirs,
            byte[] theirTags, Wire.Type type) {
        TagTable table = new TagTable(theirTags.length / Points.TAG_BYTES);
        ByteBuffer their = ByteBuffer.wrap(theirTags).order(ByteOrder.LITTLE_ENDIAN);
        int index = 0;
        for (int h = 0; h < theirs.counts().length; h++) {
            for (int k = 0; k < theirs.counts()[h]; k++, index++) {
                long lo = their.getLong(index * Points.TAG_BYTES);
                long hi = their.getLong(index * Points.TAG_BYTES + 8);
                if (!table.put(lo, hi, h)) {
                    throw new PsiProtocolException(type + " point " + index + " repeats an earlier point of the set");
                }
            }
        }
        int groups = own.members().length;
        long[][] byGroup = new long[groups][theirs.counts().length];
        int rows = mine.populations().size();
        int columns = theirs.populations().size();
        List<List<Set<String>>> matched = null;
        if (mode == PsiMode.INTERSECTION) {
            matched = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                List<Set<String>> row = new ArrayList<>();
                for (int j = 0; j < columns; j++) {
                    row.add(new LinkedHashSet<>());
                }
                matched.add(row);
            }
        }
        ByteBuffer ours = ByteBuffer.wrap(ownTags).order(ByteOrder.LITTLE_ENDIAN);
        index = 0;
        for (int g = 0; g < groups; g++) {
            int[] members = own.members()[g];
            for (int p = 0; p < members.length; p++, index++) {
                int h = table.get(ours.getLong(index * Points.TAG_BYTES), ours.getLong(index * Points.TAG_BYTES + 8));
                if (h < 0) {
                    continue;
                }
                byGroup[g][h]++;
                if (matched != null && members[p] >= 0) {
                    String key = mine.key(members[p]);
                    for (int i = 0; i < rows; i++) {
                        if ((own.masks()[g] & (1L << i)) != 0) {
                            for (int j = 0; j < columns; j++) {
                                if ((theirs.masks()[h] & (1L << j)) != 0) {
                                    matched.get(i).get(j).add(key);
                                }
                            }
                        }
                    }
                }
            }
        }
        long[][] counts = new long[rows][columns];
        for (int g = 0; g < groups; g++) {
            for (int h = 0; h < theirs.counts().length; h++) {
                if (byGroup[g][h] == 0) {
                    continue;
                }
                for (int i = 0; i < rows; i++) {
                    if ((own.masks()[g] & (1L << i)) != 0) {
                        for (int j = 0; j < columns; j++) {
                            if ((theirs.masks()[h] & (1L << j)) != 0) {
                                counts[i][j] += byGroup[g][h];
                            }
                        }
                    }
                }
            }
        }
        return new PsiResult(mode, mine.populations(), theirs.populations(), counts,
                matched == null ? null : PsiResult.unmodifiable(matched));
    }

    /** Open addressing from a 16-byte tag (two longs) to a group index; tags are uniformly random, so lo hashes. */
    static final class TagTable {
        private final long[] los;
        private final long[] his;
        private final int[] values;
        private final int mask;

        TagTable(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
            los = new long[capacity];
            his = new long[capacity];
            values = new int[capacity];
            java.util.Arrays.fill(values, -1);
            mask = capacity - 1;
        }

        /** False when the tag is already present. */
        boolean put(long lo, long hi, int value) {
            int slot = (int) (lo ^ (lo >>> 32)) & mask;
            while (values[slot] >= 0) {
                if (los[slot] == lo && his[slot] == hi) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            los[slot] = lo;
            his[slot] = hi;
            values[slot] = value;
            return true;
        }

        int get(long lo, long hi) {
            int slot = (int) (lo ^ (lo >>> 32)) & mask;
            while (values[slot] >= 0) {
                if (los[slot] == lo && his[slot] == hi) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }
    }
}
