package dev.ecosystem.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.model.Population;
import dev.ecosystem.psi.internal.HashToCurve;
import dev.ecosystem.psi.internal.Points;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In CARDINALITY mode the learner gets one count per pair (its group, their group). A party that makes each of its
 * groups a single key therefore learns, key by key, which of them the other side holds. These tests pin down what the
 * group cap ({@link PsiOptions#maxGroups()}) refuses and what stays possible within it.
 */
class PsiGroupLeakTest {
    /** The responder's accounts: every third probe key, and keys no probe asks about. */
    private static final Set<String> HELD = held();

    private static Set<String> held() {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < 64; i += 3) {
            keys.add(probe(i));
        }
        keys.add("unrelated-1.example");
        keys.add("unrelated-2.example");
        return keys;
    }

    private static String probe(int i) {
        return "k" + i + ".example";
    }

    /** One key per population, so that each key is a group of its own. */
    private static PsiSets oneKeyPerGroup(int groups) {
        Map<Population, List<String>> keys = new LinkedHashMap<>();
        for (int i = 0; i < groups; i++) {
            keys.put(Population.custom("probe-" + i), List.of(probe(i)));
        }
        return PsiSets.of(keys);
    }

    /** The probe keys whose single-key group counted one overlap: what the crafted side can read off its matrix. */
    private static Set<String> membershipRead(PsiResult result, PsiSets probes) {
        Set<String> members = new LinkedHashSet<>();
        for (Population population : probes.populations()) {
            long count = result.count(population, Population.CUSTOMERS);
            assertThat(count).isBetween(0L, 1L);
            if (count == 1) {
                members.addAll(probes.keys(population));
            }
        }
        return members;
    }

    private static Set<String> heldAmong(int groups) {
        Set<String> expected = new LinkedHashSet<>();
        for (int i = 0; i < groups; i++) {
            if (HELD.contains(probe(i))) {
                expected.add(probe(i));
            }
        }
        return expected;
    }

    @Test
    @DisplayName("a crafted initiator with one key in each of 64 groups is refused at its OFFER, before any work")
    void oneKeyPerGroup_overTheCap_isRefusedAtTheOffer() {
        PsiSession initiator = PsiSession.initiator(PsiOptions.defaults(), oneKeyPerGroup(64));
        PsiSession responder = PsiSession.responder(PsiOptions.defaults(), PsiSets.single(HELD));

        assertThatThrownBy(() -> responder.receive(initiator.firstMessage()))
                .isInstanceOf(PsiProtocolException.class)
                .hasMessage("OFFER group count must be at most 7 (this side's maxGroups), but was 64");
        assertThat(responder.isDone()).isFalse();
        assertThat(responder.bytesReceived()).isZero();
        assertThat(responder.bytesSent()).isZero();
    }

    @Test
    @DisplayName("a crafted responder with one key in each of 64 groups is refused at its REPLY: no FINISH goes out")
    void oneKeyPerGroup_overTheCap_isRefusedAtTheReply() {
        PsiSession initiator = PsiSession.initiator(PsiOptions.defaults(), PsiSets.single(HELD));
        PsiSession responder = PsiSession.responder(PsiOptions.defaults(), oneKeyPerGroup(64));
        byte[] reply = responder.receive(initiator.firstMessage()).orElseThrow();

        assertThatThrownBy(() -> initiator.receive(reply)).isInstanceOf(PsiProtocolException.class)
                .hasMessage("REPLY group count must be at most 7 (this side's maxGroups), but was 64");
        assertThat(initiator.isDone()).isFalse();
        assertThat(initiator.bytesReceived()).isZero();
    }

    @ParameterizedTest(name = "padding bucket {0}")
    @ValueSource(ints = {1, 64})
    @DisplayName("within the cap, a crafted initiator learns the membership of one key per group, padded or not")
    void oneKeyPerGroup_withinTheCap_revealsThoseKeys(int paddingBucket) {
        int groups = PsiOptions.defaults().maxGroups();
        PsiSets probes = oneKeyPerGroup(groups);
        PsiOptions crafted = PsiOptions.builder().mode(PsiMode.CARDINALITY).output(PsiOutput.INITIATOR)
                .paddingBucket(paddingBucket).build();
        PsiOptions responderOptions = PsiOptions.builder().mode(PsiMode.CARDINALITY).output(PsiOutput.INITIATOR)
                .build();
        PsiSession initiator = PsiSession.initiator(crafted, probes);
        PsiSession responder = PsiSession.responder(responderOptions, PsiSets.single(HELD));

        byte[] reply = responder.receive(initiator.firstMessage()).orElseThrow();
        assertThat(initiator.receive(reply)).isEmpty();

        // Padding (or any minimum group size the responder might demand) does not help: the pads never match.
        assertThat(membershipRead(initiator.result(), probes)).isEqualTo(heldAmong(groups)).isNotEmpty();
    }

    @Test
    @DisplayName("an initiator that deviates, blinding each key with its own scalar, learns which keys matched even "
            + "in one group: CARDINALITY hides them only from parties that follow the protocol")
    void ownScalarPerKey_revealsMatchesInOneGroup() {
        int probes = 10;
        PsiOptions options = PsiOptions.builder().mode(PsiMode.CARDINALITY).output(PsiOutput.INITIATOR).build();
        PsiSession responder = PsiSession.responder(options, PsiSets.single(HELD));
        HashToCurve hash = new HashToCurve(Blinding.DST);
        SecureRandom random = new SecureRandom();
        byte[][] scalars = new byte[probes][X25519.SCALAR_SIZE];
        byte[] points = new byte[probes * Points.POINT_BYTES];
        byte[] hashed = new byte[Points.POINT_BYTES];
        for (int i = 0; i < probes; i++) {
            X25519.generatePrivateKey(random, scalars[i]);
            hash.hash(probe(i), hashed, 0);
            assertThat(Points.blind(scalars[i], hashed, 0, points, i * Points.POINT_BYTES)).isTrue();
        }
        byte[] sessionId = new byte[Wire.SESSION_ID_BYTES];
        byte[] offer = Wire.offer(sessionId, PsiMode.CARDINALITY, PsiOutput.INITIATOR, new Wire.BlindedSet(
                List.of(Population.CUSTOMERS), new long[] {1}, new int[] {probes}, points));

        Wire.Reply reply = Wire.replyBody(responder.receive(offer).orElseThrow(), 1000, 10);

        Set<ByteBuffer> returned = new HashSet<>();
        byte[] tags = reply.tags().tags();
        for (int t = 0; t < probes; t++) {
            returned.add(ByteBuffer.wrap(tags, t * Points.TAG_BYTES, Points.TAG_BYTES));
        }
        Points blinding = new Points();
        byte[] tag = new byte[Points.TAG_BYTES];
        Set<String> learned = new LinkedHashSet<>();
        for (int i = 0; i < probes; i++) {
            for (int j = 0; j < reply.set().total(); j++) {
                blinding.blindToTag(scalars[i], reply.set().points(), j * Points.POINT_BYTES, tag, 0);
                if (returned.contains(ByteBuffer.wrap(tag))) {
                    learned.add(probe(i));
                }
            }
        }
        assertThat(learned).isEqualTo(heldAmong(probes)).isNotEmpty();
    }
}
