package dev.ecosystem.psi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.psi.internal.HashToCurve;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the messages must not contain, checked over every byte window of the relevant lengths. */
class PsiPrivacyTest {
    private static Set<String> randomKeys(Random random, int count, Set<String> shared) {
        Set<String> keys = new HashSet<>(shared);
        while (keys.size() < count) {
            keys.add(PsiSessionTest.domain(random));
        }
        return keys;
    }

    /** Every window of {@code length} bytes of the messages. */
    private static Set<ByteBuffer> windows(List<byte[]> messages, int length) {
        Set<ByteBuffer> windows = new HashSet<>();
        for (byte[] message : messages) {
            for (int i = 0; i + length <= message.length; i++) {
                windows.add(ByteBuffer.wrap(message, i, length).slice());
            }
        }
        return windows;
    }

    private static int common(Set<ByteBuffer> windows, Set<ByteBuffer> values) {
        int count = 0;
        for (ByteBuffer value : values) {
            if (windows.contains(value)) {
                count++;
            }
        }
        return count;
    }

    /** The points of a set section that ends {@code tail} bytes before the end of a one-group message. */
    private static Set<ByteBuffer> points(byte[] message, int start, int count) {
        Set<ByteBuffer> points = new HashSet<>();
        for (int i = 0; i < count; i++) {
            points.add(ByteBuffer.wrap(message, start + i * 32, 32).slice());
        }
        return points;
    }

    private static Set<ByteBuffer> tags(byte[] message, int start, int count) {
        Set<ByteBuffer> tags = new HashSet<>();
        for (int i = 0; i < count; i++) {
            tags.add(ByteBuffer.wrap(message, start + i * 16, 16).slice());
        }
        return tags;
    }

    @ParameterizedTest
    @EnumSource(PsiOutput.class)
    @DisplayName("no side echoes the other's blinded values, and double-blinded values of a side appear only in the "
            + "final round addressed to it")
    void messages_neverCarryTheOtherSidesValuesBeforeTheFinalRound(PsiOutput output) {
        Random random = new Random(output.ordinal());
        Set<String> shared = randomKeys(random, 40, Set.of());
        int n = 100;
        Set<String> a = randomKeys(random, n, shared);
        Set<String> b = randomKeys(random, n, shared);
        PsiRun run = PsiRun.run(PsiOptions.builder().mode(PsiMode.INTERSECTION).output(output).build(),
                PsiSets.single(a), PsiSets.single(b));
        byte[] offer = run.fromInitiator.get(0);
        byte[] reply = run.fromResponder.get(0);
        int setHeader = 26 + 1 + 2 + "customers".length() + 2 + 12;
        Set<ByteBuffer> pointsOfA = points(offer, offer.length - n * 32, n);
        Set<ByteBuffer> pointsOfB = points(reply, setHeader, n);

        // Neither side ever sends a 32-byte window equal to one of the other side's blinded values.
        assertThat(windows(run.fromResponder, 32)).doesNotContainAnyElementsOf(pointsOfA);
        assertThat(windows(run.fromInitiator, 32)).doesNotContainAnyElementsOf(pointsOfB);

        // Double-blinded values: the initiator's come only in the REPLY (when it learns), the responder's only in
        // the FINISH, the final round (when it learns). Before the final round the responder's appear only where
        // they equal the initiator's own, that is for the shared keys the initiator learns anyway.
        Set<ByteBuffer> tagsOfB = output.responderLearns()
                ? tags(run.fromInitiator.get(1), run.fromInitiator.get(1).length - n * 16, n) : Set.of();
        Set<ByteBuffer> tagsOfA = output.initiatorLearns() ? tags(reply, reply.length - n * 16, n) : Set.of();
        assertThat(common(windows(List.of(offer), 16), tagsOfA)).isZero();
        assertThat(common(windows(List.of(offer), 16), tagsOfB)).isZero();
        assertThat(common(windows(List.of(reply), 16), tagsOfB))
                .isEqualTo(output == PsiOutput.BOTH ? shared.size() : 0);
        assertThat(run.fromInitiator).hasSize(output.responderLearns() ? 2 : 1);

        // No unblinded hash of any key and no key text appears anywhere.
        HashToCurve hash = new HashToCurve(Blinding.DST);
        Set<ByteBuffer> hashes = new HashSet<>();
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        for (String key : all) {
            byte[] point = new byte[32];
            hash.hash(key, point, 0);
            hashes.add(ByteBuffer.wrap(point));
        }
        List<byte[]> everything = new java.util.ArrayList<>(run.fromInitiator);
        everything.addAll(run.fromResponder);
        assertThat(windows(everything, 32)).doesNotContainAnyElementsOf(hashes);
        for (byte[] message : everything) {
            String text = new String(message, StandardCharsets.ISO_8859_1);
            assertThat(all).noneMatch(text::contains);
        }
    }

    @RepeatedTest(3)
    @DisplayName("two sessions over the same set blind it to different values (fresh scalar per session)")
    void freshScalars_giveUnrelatedBlindedValues() {
        Set<String> keys = randomKeys(new Random(7), 50, Set.of());
        PsiOptions options = PsiOptions.defaults();
        byte[] first = PsiSession.initiator(options, PsiSets.single(keys)).firstMessage();
        byte[] second = PsiSession.initiator(options, PsiSets.single(keys)).firstMessage();
        Set<ByteBuffer> firstPoints = points(first, first.length - 50 * 32, 50);
        assertThat(windows(List.of(second), 32)).doesNotContainAnyElementsOf(firstPoints);
        assertThat(ByteBuffer.wrap(first, 6, 16)).isNotEqualTo(ByteBuffer.wrap(second, 6, 16));

        PsiSession r1 = PsiSession.responder(options, PsiSets.single(keys));
        PsiSession r2 = PsiSession.responder(options, PsiSets.single(keys));
        byte[] reply1 = r1.receive(first).orElseThrow();
        byte[] reply2 = r2.receive(first).orElseThrow();
        int setHeader = 26 + 1 + 2 + "customers".length() + 2 + 12;
        assertThat(windows(List.of(reply2), 32)).doesNotContainAnyElementsOf(points(reply1, setHeader, 50));
    }

    @Test
    @DisplayName("in CARDINALITY mode the learner's own tags come back shuffled; in INTERSECTION mode in its order")
    void cardinality_returnsTagsShuffled() throws Exception {
        int n = 200;
        Set<String> keys = randomKeys(new Random(11), n, Set.of());
        byte[] ordered = returnedTags(PsiMode.INTERSECTION, keys);
        byte[] shuffled = returnedTags(PsiMode.CARDINALITY, keys);
        Set<ByteBuffer> orderedSet = tags(ordered, 0, n);
        assertThat(tags(shuffled, 0, n)).isEqualTo(orderedSet).hasSize(n);
        int samePosition = 0;
        for (int i = 0; i < n; i++) {
            if (java.util.Arrays.equals(ordered, i * 16, i * 16 + 16, shuffled, i * 16, i * 16 + 16)) {
                samePosition++;
            }
        }
        assertThat(samePosition).isLessThan(10);
    }

    /** The REPLY's tags for the initiator, with both sides' randomness fixed so only the mode differs. */
    private static byte[] returnedTags(PsiMode mode, Set<String> keys) throws Exception {
        PsiOptions options = PsiOptions.builder().mode(mode).output(PsiOutput.INITIATOR).build();
        PsiSession initiator = PsiSession.withRandom(true, options, PsiSets.single(keys), seeded(1));
        PsiSession responder = PsiSession.withRandom(false, options, PsiSets.single(Set.of("x.example")), seeded(2));
        byte[] reply = responder.receive(initiator.firstMessage()).orElseThrow();
        return java.util.Arrays.copyOfRange(reply, reply.length - keys.size() * 16, reply.length);
    }

    private static java.security.SecureRandom seeded(int seed) throws Exception {
        java.security.SecureRandom random = java.security.SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
    }
}
