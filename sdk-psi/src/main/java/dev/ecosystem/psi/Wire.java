package dev.ecosystem.psi;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Population;
import dev.ecosystem.psi.internal.Points;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The message format, version 1. All integers are big-endian.
 *
 * <pre>
 * header   magic "EPSI" (4) | version u8 = 1 | type u8 | session id (16) | body length u32
 * OFFER    (type 1, initiator to responder): mode u8 | output u8 | set
 * REPLY    (type 2, responder to initiator): set | has tags u8 (0 or 1) | [tags of the initiator's groups]
 * FINISH   (type 3, initiator to responder): tags of the responder's groups
 * set      population count u8 (1..64) | per population: name length u16, name UTF-8
 *          | group count u16 (at most the receiver's maxGroups) | per group: population mask u64, element count u32
 *          | points (32 bytes each, no two equal)
 * tags     tag length u8 (= 16) | group count u16 | per group: tag count u32 | tags
 * </pre>
 */
final class Wire {
    static final byte[] MAGIC = {'E', 'P', 'S', 'I'};
    static final int VERSION = 1;
    static final int SESSION_ID_BYTES = 16;
    static final int HEADER_BYTES = 4 + 1 + 1 + SESSION_ID_BYTES + 4;

    private Wire() {
    }

    enum Type {
        OFFER(1), REPLY(2), FINISH(3);

        final int code;

        Type(int code) {
            this.code = code;
        }

        static @Nullable Type of(int code) {
            for (Type type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            return null;
        }
    }

    /**
     * One side's blinded set: per group (a combination of populations, as a bit mask over {@code populations}) its
     * points, group after group.
     */
    record BlindedSet(List<Population> populations, long[] masks, int[] counts, byte[] points) {
        int total() {
            int total = 0;
            for (int count : counts) {
                total += count;
            }
            return total;
        }
    }

    /** Tags of the receiver's own groups, group after group (in the receiver's order or shuffled per group). */
    record Tags(int[] counts, byte[] tags) {
    }

    record Header(Type type, byte[] sessionId) {
    }

    record Offer(PsiMode mode, PsiOutput output, BlindedSet set) {
    }

    record Reply(BlindedSet set, @Nullable Tags tags) {
    }

    static byte[] offer(byte[] sessionId, PsiMode mode, PsiOutput output, BlindedSet set) {
        ByteBuffer body = ByteBuffer.allocate(2 + setSize(set));
        body.put((byte) (mode.ordinal() + 1)).put((byte) (output.ordinal() + 1));
        putSet(body, set);
        return message(Type.OFFER, sessionId, body);
    }

    static byte[] reply(byte[] sessionId, BlindedSet set, @Nullable Tags tags) {
        ByteBuffer body = ByteBuffer.allocate(setSize(set) + 1 + (tags == null ? 0 : tagsSize(tags)));
        putSet(body, set);
        body.put((byte) (tags == null ? 0 : 1));
        if (tags != null) {
            putTags(body, tags);
        }
        return message(Type.REPLY, sessionId, body);
    }

    static byte[] finish(byte[] sessionId, Tags tags) {
        ByteBuffer body = ByteBuffer.allocate(tagsSize(tags));
        putTags(body, tags);
        return message(Type.FINISH, sessionId, body);
    }

    private static byte[] message(Type type, byte[] sessionId, ByteBuffer body) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + body.capacity());
        out.put(MAGIC).put((byte) VERSION).put((byte) type.code).put(sessionId).putInt(body.capacity());
        out.put(body.array());
        return out.array();
    }

    private static int setSize(BlindedSet set) {
        int size = 1;
        for (Population population : set.populations()) {
            size += 2 + population.name().getBytes(StandardCharsets.UTF_8).length;
        }
        return size + 2 + 12 * set.masks().length + set.points().length;
    }

    private static void putSet(ByteBuffer out, BlindedSet set) {
        out.put((byte) set.populations().size());
        for (Population population : set.populations()) {
            byte[] name = population.name().getBytes(StandardCharsets.UTF_8);
            out.putShort((short) name.length).put(name);
        }
        out.putShort((short) set.masks().length);
        for (int g = 0; g < set.masks().length; g++) {
            out.putLong(set.masks()[g]).putInt(set.counts()[g]);
        }
        out.put(set.points());
    }

    private static int tagsSize(Tags tags) {
        return 1 + 2 + 4 * tags.counts().length + tags.tags().length;
    }

    private static void putTags(ByteBuffer out, Tags tags) {
        out.put((byte) Points.TAG_BYTES).putShort((short) tags.counts().length);
        for (int count : tags.counts()) {
            out.putInt(count);
        }
        out.put(tags.tags());
    }

    /** Checks the header: length, magic, version, type and declared body length. */
    static Header header(byte[] message) {
        if (message.length < HEADER_BYTES) {
            throw new PsiProtocolException("truncated message: " + message.length + " bytes, shorter than the "
                    + HEADER_BYTES + "-byte header");
        }
        ByteBuffer in = ByteBuffer.wrap(message);
        byte[] magic = new byte[4];
        in.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new PsiProtocolException("not a PSI message: magic is 0x" + HexFormat.of().formatHex(magic)
                    + ", expected 0x" + HexFormat.of().formatHex(MAGIC) + " (\"EPSI\")");
        }
        int version = in.get() & 0xff;
        if (version != VERSION) {
            throw new PsiProtocolException("unsupported message version " + version + "; this side speaks version "
                    + VERSION);
        }
        int code = in.get() & 0xff;
        Type type = Type.of(code);
        if (type == null) {
            throw new PsiProtocolException("unknown message type " + code + "; known are 1 (OFFER), 2 (REPLY) and "
                    + "3 (FINISH)");
        }
        byte[] sessionId = new byte[SESSION_ID_BYTES];
        in.get(sessionId);
        long declared = in.getInt() & 0xffffffffL;
        long actual = message.length - HEADER_BYTES;
        if (declared != actual) {
            throw new PsiProtocolException("wrong length: the " + type + " header declares a body of " + declared
                    + " bytes but the message carries " + actual + (actual < declared ? " (truncated)" : ""));
        }
        return new Header(type, sessionId);
    }

    static Offer offerBody(byte[] message, int maxElements, int maxGroups) {
        Reader in = new Reader(message, Type.OFFER);
        int modeCode = in.u8("mode");
        if (modeCode < 1 || modeCode > PsiMode.values().length) {
            throw new PsiProtocolException("unknown mode " + modeCode + " in OFFER; known are 1 (CARDINALITY) and 2 "
                    + "(INTERSECTION)");
        }
        int outputCode = in.u8("output");
        if (outputCode < 1 || outputCode > PsiOutput.values().length) {
            throw new PsiProtocolException("unknown output " + outputCode + " in OFFER; known are 1 (INITIATOR), 2 "
                    + "(RESPONDER) and 3 (BOTH)");
        }
        BlindedSet set = in.set(maxElements, maxGroups);
        in.end();
        return new Offer(PsiMode.values()[modeCode - 1], PsiOutput.values()[outputCode - 1], set);
    }

    static Reply replyBody(byte[] message, int maxElements, int maxGroups) {
        Reader in = new Reader(message, Type.REPLY);
        BlindedSet set = in.set(maxElements, maxGroups);
        int hasTags = in.u8("has-tags flag");
        if (hasTags > 1) {
            throw new PsiProtocolException("REPLY has-tags flag must be 0 or 1, but was " + hasTags);
        }
        Tags tags = hasTags == 1 ? in.tags(maxElements) : null;
        in.end();
        return new Reply(set, tags);
    }

    static Tags finishBody(byte[] message, int maxElements) {
        Reader in = new Reader(message, Type.FINISH);
        Tags tags = in.tags(maxElements);
        in.end();
        return tags;
    }

    /** Strict reading of a body: every read checks the bytes left and says what it was reading. */
    private static final class Reader {
        private final ByteBuffer in;
        private final Type type;

        Reader(byte[] message, Type type) {
            this.in = ByteBuffer.wrap(message, HEADER_BYTES, message.length - HEADER_BYTES);
            this.type = type;
        }

        private void need(long bytes, String what) {
            if (in.remaining() < bytes) {
                throw new PsiProtocolException("truncated " + type + ": " + in.remaining() + " bytes left at offset "
                        + in.position() + " while reading " + what + ", which needs " + bytes);
            }
        }

        int u8(String what) {
            need(1, what);
            return in.get() & 0xff;
        }

        int u16(String what) {
            need(2, what);
            return in.getShort() & 0xffff;
        }

        long u32(String what) {
            need(4, what);
            return in.getInt() & 0xffffffffL;
        }

        long u64(String what) {
            need(8, what);
            return in.getLong();
        }

        void end() {
            if (in.remaining() != 0) {
                throw new PsiProtocolException("wrong length: " + type + " has " + in.remaining()
                        + " unexpected bytes after its last field, at offset " + in.position());
            }
        }

        /** A set; refused at once when it has more than {@code maxGroups} groups or repeats a point. */
        BlindedSet set(int maxElements, int maxGroups) {
            int populationCount = u8("the population count");
            if (populationCount < 1 || populationCount > PsiSets.MAX_POPULATIONS) {
                throw new PsiProtocolException(type + " population count must be 1 to " + PsiSets.MAX_POPULATIONS
                        + ", but was " + populationCount);
            }
            List<Population> populations = new ArrayList<>(populationCount);
            for (int i = 0; i < populationCount; i++) {
                int length = u16("the name length of population " + i);
                need(length, "the name of population " + i);
                byte[] name = new byte[length];
                in.get(name);
                String text = new String(name, StandardCharsets.UTF_8);
                Population population;
                try {
                    population = new Population(text);
                } catch (ValidationException e) {
                    throw new PsiProtocolException(type + " population " + i + " has an invalid name: "
                            + e.getMessage());
                }
                if (!population.name().equals(text)) {
                    throw new PsiProtocolException(type + " population " + i + " name \"" + text
                            + "\" is not normalized (expected \"" + population.name() + "\")");
                }
                if (populations.contains(population)) {
                    throw new PsiProtocolException(type + " names population " + population + " twice");
                }
                populations.add(population);
            }
            int groupCount = u16("the group count");
            if (groupCount > maxGroups) {
                throw new PsiProtocolException(type + " group count must be at most " + maxGroups
                        + " (this side's maxGroups), but was " + groupCount);
            }
            long[] masks = new long[groupCount];
            int[] counts = new int[groupCount];
            Set<Long> seen = new HashSet<>();
            long total = 0;
            long allowed = populationCount == 64 ? -1L : (1L << populationCount) - 1;
            for (int g = 0; g < groupCount; g++) {
                long mask = u64("the population mask of group " + g);
                long count = u32("the element count of group " + g);
                if (mask == 0 || (mask & ~allowed) != 0) {
                    throw new PsiProtocolException(type + " group " + g + " has population mask 0x"
                            + Long.toHexString(mask) + ", which must be non-zero and name only the "
                            + populationCount + " populations listed");
                }
                if (!seen.add(mask)) {
                    throw new PsiProtocolException(type + " has two groups with population mask 0x"
                            + Long.toHexString(mask));
                }
                if (count == 0) {
                    throw new PsiProtocolException(type + " group " + g + " is empty; empty groups are not sent");
                }
                total += count;
                if (total > maxElements) {
                    throw new PsiProtocolException("size limit: " + type + " carries more than " + maxElements
                            + " elements (at least " + total + "), above this session's maxElements");
                }
                masks[g] = mask;
                counts[g] = (int) count;
            }
            need(total * Points.POINT_BYTES, "the " + total + " points of the set");
            byte[] points = new byte[(int) total * Points.POINT_BYTES];
            in.get(points);
            requireDistinct(points, counts);
            return new BlindedSet(List.copyOf(populations), masks, counts, points);
        }

        /**
         * Refuses a set that names a point twice: the learner would count that key twice, and the work on the set
         * should not start. Sorting the first 8 bytes of each point costs O(n log n) even for crafted points (no hash
         * flooding) and next to nothing beside the scalar multiplications; only when two prefixes are equal (chance
         * about n^2 / 2^65 for honest points) are the whole points compared.
         */
        private void requireDistinct(byte[] points, int[] counts) {
            int n = points.length / Points.POINT_BYTES;
            ByteBuffer view = ByteBuffer.wrap(points);
            long[] prefixes = new long[n];
            for (int i = 0; i < n; i++) {
                prefixes[i] = view.getLong(i * Points.POINT_BYTES);
            }
            java.util.Arrays.sort(prefixes);
            boolean equalPrefixes = false;
            for (int i = 1; i < n && !equalPrefixes; i++) {
                equalPrefixes = prefixes[i] == prefixes[i - 1];
            }
            if (!equalPrefixes) {
                return;
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // A stable sort: a run of equal points lists them by index, the earliest first.
            java.util.Arrays.sort(order, (x, y) -> java.util.Arrays.compareUnsigned(points, x * Points.POINT_BYTES,
                    (x + 1) * Points.POINT_BYTES, points, y * Points.POINT_BYTES, (y + 1) * Points.POINT_BYTES));
            int first = -1;
            int repeat = -1;
            int run = 0;
            for (int i = 1; i < n; i++) {
                if (!samePoint(points, order[run], order[i])) {
                    run = i;
                } else if (i == run + 1 && (repeat < 0 || order[i] < repeat)) {
                    first = order[run];
                    repeat = order[i];
                }
            }
            if (first >= 0) {
                throw new PsiProtocolException(type + " point " + repeat + " (" + Blinding.where(counts, repeat)
                        + ") repeats point " + first + " (" + Blinding.where(counts, first) + "); a set names each "
                        + "point once");
            }
        }

        private static boolean samePoint(byte[] points, int x, int y) {
            return java.util.Arrays.equals(points, x * Points.POINT_BYTES, (x + 1) * Points.POINT_BYTES, points,
                    y * Points.POINT_BYTES, (y + 1) * Points.POINT_BYTES);
        }

        Tags tags(int maxElements) {
            int tagLength = u8("the tag length");
            if (tagLength != Points.TAG_BYTES) {
                throw new PsiProtocolException(type + " tag length must be " + Points.TAG_BYTES + ", but was "
                        + tagLength);
            }
            int groupCount = u16("the tag group count");
            int[] counts = new int[groupCount];
            long total = 0;
            for (int g = 0; g < groupCount; g++) {
                long count = u32("the tag count of group " + g);
                total += count;
                if (total > maxElements) {
                    throw new PsiProtocolException("size limit: " + type + " carries more than " + maxElements
                            + " tags (at least " + total + "), above this session's maxElements");
                }
                counts[g] = (int) count;
            }
            need(total * Points.TAG_BYTES, "the " + total + " tags");
            byte[] tags = new byte[(int) total * Points.TAG_BYTES];
            in.get(tags);
            return new Tags(counts, tags);
        }
    }
}
