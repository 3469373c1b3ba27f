package dev.ecosystem.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.model.Population;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every malformed or unexpected message is refused with a specific error and leaves the session as it was: the right
 * message then still completes it.
 */
class PsiHardeningTest {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final int N = 20;
    private static final PsiOptions OPTIONS = PsiOptions.builder().mode(PsiMode.INTERSECTION)
            .output(PsiOutput.BOTH).build();
    private static final Set<String> A = keys("a", 0, N);
    private static final Set<String> B = keys("a", N / 2, N + N / 2);

    private static Set<String> keys(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i + ".example").collect(Collectors.toSet());
    }

    private final PsiSession initiator = PsiSession.initiator(OPTIONS, PsiSets.single(A));
    private final PsiSession responder = PsiSession.responder(OPTIONS, PsiSets.single(B));
    private final byte[] offer = initiator.firstMessage();

    /** The offset of the first point: the points are the last N * 32 bytes of an OFFER of one group. */
    private static int firstPoint(byte[] message) {
        return message.length - N * 32;
    }

    private static byte[] changed(byte[] message, UnaryOperator<byte[]> change) {
        return change.apply(message.clone());
    }

    private static byte[] withPoint(byte[] message, int index, byte[] point) {
        byte[] copy = message.clone();
        System.arraycopy(point, 0, copy, firstPoint(message) + index * 32, 32);
        return copy;
    }

    private static byte[] littleEndian(BigInteger value) {
        byte[] big = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, big.length); i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    /** Refused with {@code expected} in the message; then the right message still completes both sides. */
    private void refusedThenCompletes(byte[] bad, String expected) {
        assertThatThrownBy(() -> responder.receive(bad)).isInstanceOf(PsiProtocolException.class)
                .hasMessageContaining(expected);
        assertThat(responder.isDone()).isFalse();
        assertThat(responder.bytesReceived()).isZero();
        completes();
    }

    private void completes() {
        byte[] reply = responder.receive(offer).orElseThrow();
        byte[] finish = initiator.receive(reply).orElseThrow();
        assertThat(responder.receive(finish)).isEmpty();
        Set<String> expected = keys("a", N / 2, N);
        assertThat(initiator.result().matched(Population.CUSTOMERS, Population.CUSTOMERS)).isEqualTo(expected);
        assertThat(responder.result().matched(Population.CUSTOMERS, Population.CUSTOMERS)).isEqualTo(expected);
    }

    @Test
    @DisplayName("another protocol version is refused")
    void wrongVersion_isRefused() {
        refusedThenCompletes(changed(offer, m -> {
            m[4] = 2;
            return m;
        }), "unsupported message version 2; this side speaks version 1");
    }

    @Test
    @DisplayName("bytes that are not a PSI message are refused by their magic")
    void wrongMagic_isRefused() {
        refusedThenCompletes(changed(offer, m -> {
            m[0] = 'X';
            return m;
        }), "not a PSI message: magic is 0x58505349");
    }

    @Test
    @DisplayName("an unknown message type is refused")
    void unknownType_isRefused() {
        refusedThenCompletes(changed(offer, m -> {
            m[5] = 9;
            return m;
        }), "unknown message type 9");
    }

    @Test
    @DisplayName("a message shorter than the header is refused as truncated")
    void shorterThanHeader_isRefused() {
        refusedThenCompletes(Arrays.copyOf(offer, 10), "truncated message: 10 bytes, shorter than the 26-byte header");
    }

    @Test
    @DisplayName("a message cut short is refused: the header's body length does not match")
    void truncatedBody_isRefused() {
        refusedThenCompletes(Arrays.copyOf(offer, offer.length - 7), "wrong length: the OFFER header declares a body"
                + " of " + (offer.length - 26) + " bytes but the message carries " + (offer.length - 33)
                + " (truncated)");
    }

    @Test
    @DisplayName("a consistent header over a body missing part of its points is refused as truncated")
    void truncatedPoints_withMatchingHeader_isRefused() {
        byte[] cut = Arrays.copyOf(offer, offer.length - 32);
        ByteBuffer.wrap(cut).putInt(22, cut.length - 26);
        refusedThenCompletes(cut, "truncated OFFER");
    }

    @Test
    @DisplayName("extra bytes after the last field are refused")
    void trailingBytes_areRefused() {
        byte[] longer = Arrays.copyOf(offer, offer.length + 3);
        ByteBuffer.wrap(longer).putInt(22, longer.length - 26);
        refusedThenCompletes(longer, "wrong length: OFFER has 3 unexpected bytes after its last field");
    }

    @Test
    @DisplayName("a point whose u^3 + 486662u^2 + u is not a square (on the twist) is refused")
    void pointOnTwist_isRefused() {
        BigInteger u = BigInteger.TWO;
        while (isSquare(u.pow(3).add(u.pow(2).multiply(BigInteger.valueOf(486662))).add(u).mod(P))) {
            u = u.add(BigInteger.ONE);
        }
        refusedThenCompletes(withPoint(offer, 3, littleEndian(u)),
                "OFFER point 3 (element 3 of group 0) is not on curve25519");
    }

    private static boolean isSquare(BigInteger value) {
        return value.signum() == 0 || value.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
    }

    @Test
    @DisplayName("a non-canonical u (>= p) is refused")
    void nonCanonicalPoint_isRefused() {
        refusedThenCompletes(withPoint(offer, 0, littleEndian(P.add(BigInteger.TWO))), "OFFER point 0 (element 0 of "
                + "group 0) is not a canonical encoding (u >= 2^255 - 19)");
    }

    @Test
    @DisplayName("a u with bit 255 set is refused")
    void highBitSet_isRefused() {
        byte[] point = littleEndian(BigInteger.valueOf(9));
        point[31] |= (byte) 0x80;
        refusedThenCompletes(withPoint(offer, N - 1, point), "is not a canonical encoding (bit 255 is set)");
    }

    @ParameterizedTest(name = "u = {0}")
    @ValueSource(strings = {"0", "1", "57896044618658097711785492504343953926634992332820282019728792003956564819948",
        "325606250916557431795983626356110631294008115727848805560023387167927233504",
        "39382357235489614581723060781553021112529911719440698176882885853963445705823"})
    @DisplayName("points of small order are refused")
    void smallOrderPoint_isRefused(String u) {
        refusedThenCompletes(withPoint(offer, 5, littleEndian(new BigInteger(u))), "OFFER point 5 (element 5 of "
                + "group 0) is a point of small order");
    }

    @Test
    @DisplayName("a set over the responder's maxElements is refused before any work")
    void setOverLimit_isRefused() {
        PsiSession small = PsiSession.responder(PsiOptions.builder().mode(PsiMode.INTERSECTION)
                .output(PsiOutput.BOTH).maxElements(N - 1).build(), PsiSets.single(Set.of("x.example")));
        assertThatThrownBy(() -> small.receive(offer)).isInstanceOf(PsiProtocolException.class)
                .hasMessage("size limit: OFFER carries more than " + (N - 1) + " elements (at least " + N
                        + "), above this session's maxElements");
    }

    @Test
    @DisplayName("a responder refuses a mode or an output it does not accept")
    void otherModeOrOutput_isRefused() {
        PsiSession countsOnly = PsiSession.responder(PsiOptions.builder().mode(PsiMode.CARDINALITY)
                .output(PsiOutput.BOTH).build(), PsiSets.single(B));
        assertThatThrownBy(() -> countsOnly.receive(offer)).isInstanceOf(PsiProtocolException.class)
                .hasMessage("refused: the initiator asks for mode INTERSECTION but this responder accepts only "
                        + "CARDINALITY");
        PsiSession initiatorOnly = PsiSession.responder(PsiOptions.builder().mode(PsiMode.INTERSECTION)
                .output(PsiOutput.INITIATOR).build(), PsiSets.single(B));
        assertThatThrownBy(() -> initiatorOnly.receive(offer)).isInstanceOf(PsiProtocolException.class)
                .hasMessage("refused: the initiator asks for output BOTH but this responder accepts only INITIATOR");
    }

    @Test
    @DisplayName("a reply of another session is refused, and the right reply still completes the session")
    void replyOfAnotherSession_isRefused() {
        byte[] reply = responder.receive(offer).orElseThrow();
        byte[] foreign = reply.clone();
        foreign[6] ^= 1;
        assertThatThrownBy(() -> initiator.receive(foreign)).isInstanceOf(PsiProtocolException.class)
                .hasMessageContaining("message of another session: it carries session id "
                        + HexFormat.of().formatHex(foreign, 6, 22));
        byte[] finish = initiator.receive(reply).orElseThrow();
        responder.receive(finish);
        assertThat(responder.result().count(Population.CUSTOMERS, Population.CUSTOMERS)).isEqualTo(N / 2);
    }

    @Test
    @DisplayName("a finish of another session is refused")
    void finishOfAnotherSession_isRefused() {
        byte[] reply = responder.receive(offer).orElseThrow();
        byte[] finish = initiator.receive(reply).orElseThrow();
        byte[] foreign = finish.clone();
        foreign[21] ^= 0x40;
        assertThatThrownBy(() -> responder.receive(foreign)).isInstanceOf(PsiProtocolException.class)
                .hasMessageContaining("message of another session");
        responder.receive(finish);
        assertThat(responder.isDone()).isTrue();
    }

    @Test
    @DisplayName("a replayed offer is refused as out of order, and after completion every message is refused")
    void replays_areRefused() {
        byte[] reply = responder.receive(offer).orElseThrow();
        assertThatThrownBy(() -> responder.receive(offer)).isInstanceOf(PsiProtocolException.class)
                .hasMessage("unexpected OFFER: this responder expects FINISH now (a replay or an out-of-order "
                        + "message)");
        byte[] finish = initiator.receive(reply).orElseThrow();
        assertThatThrownBy(() -> initiator.receive(reply)).isInstanceOf(PsiProtocolException.class)
                .hasMessageContaining("this session is complete and expects no further message");
        responder.receive(finish);
        assertThatThrownBy(() -> responder.receive(finish)).isInstanceOf(PsiProtocolException.class)
                .hasMessageContaining("unexpected FINISH: this session is complete");
    }

    @Test
    @DisplayName("a message out of order (a finish before the offer, an offer to the initiator) is refused")
    void outOfOrder_isRefused() {
        byte[] reply = responder.receive(offer).orElseThrow();
        byte[] finish = PsiSession.initiator(OPTIONS, PsiSets.single(A)).firstMessage();
        PsiSession fresh = PsiSession.responder(OPTIONS, PsiSets.single(B));
        byte[] realFinish = initiator.receive(reply).orElseThrow();
        assertThatThrownBy(() -> fresh.receive(realFinish)).isInstanceOf(PsiProtocolException.class)
                .hasMessage("unexpected FINISH: this responder expects OFFER now (a replay or an out-of-order "
                        + "message)");
        PsiSession other = PsiSession.initiator(OPTIONS, PsiSets.single(A));
        other.firstMessage();
        assertThatThrownBy(() -> other.receive(finish)).isInstanceOf(PsiProtocolException.class)
                .hasMessage("unexpected OFFER: this initiator expects REPLY now (a replay or an out-of-order "
                        + "message)");
    }

    @Test
    @DisplayName("a finish with the wrong number of tags for a group is refused; the right one then completes")
    void finishWithWrongTagCount_isRefused() {
        byte[] reply = responder.receive(offer).orElseThrow();
        byte[] finish = initiator.receive(reply).orElseThrow();
        // FINISH body: tag length u8 | group count u16 | count u32 | tags: drop the last tag and fix the lengths.
        byte[] shorter = Arrays.copyOf(finish, finish.length - 16);
        ByteBuffer.wrap(shorter).putInt(22, shorter.length - 26).putInt(26 + 3, N - 1);
        assertThatThrownBy(() -> responder.receive(shorter)).isInstanceOf(PsiProtocolException.class)
                .hasMessage("FINISH returns " + (N - 1) + " tags for group 0, but this side sent " + N
                        + " points in it");
        responder.receive(finish);
        assertThat(responder.result().matched(Population.CUSTOMERS, Population.CUSTOMERS))
                .isEqualTo(keys("a", N / 2, N));
    }

    @Test
    @DisplayName("an OFFER repeating a point is refused while it is parsed, before the responder blinds anything")
    void offerRepeatingAPoint_isRefusedAtOnce() {
        byte[] repeated = withPoint(offer, 7, Arrays.copyOfRange(offer, firstPoint(offer) + 2 * 32,
                firstPoint(offer) + 3 * 32));
        refusedThenCompletes(repeated, "OFFER point 7 (element 7 of group 0) repeats point 2 (element 2 of group 0); "
                + "a set names each point once");
    }

    @Test
    @DisplayName("points that share their first 8 bytes but differ later are not taken for repeats")
    void pointsWithEqualPrefixes_areNotRepeats() {
        byte[] near = Arrays.copyOfRange(offer, firstPoint(offer) + 2 * 32, firstPoint(offer) + 3 * 32);
        near[20] ^= 1;
        Wire.Offer parsed = Wire.offerBody(withPoint(offer, 7, near), 1000, 7);
        assertThat(parsed.set().total()).isEqualTo(N);
    }

    @Test
    @DisplayName("a REPLY repeating a point is refused while it is parsed (it would inflate counts)")
    void repeatedPoint_isRefused() {
        byte[] reply = responder.receive(offer).orElseThrow();
        // REPLY: set | flag | tags; the set's points end where the flag starts: 1 + 3 + 4 + 4 * N... find them by
        // copying point 0 over point 1 inside the set, whose points start at a fixed offset for one population.
        int pointsStart = 26 + 1 + 2 + "customers".length() + 2 + 12;
        byte[] repeated = reply.clone();
        System.arraycopy(reply, pointsStart, repeated, pointsStart + 32, 32);
        assertThatThrownBy(() -> initiator.receive(repeated)).isInstanceOf(PsiProtocolException.class)
                .hasMessage("REPLY point 1 (element 1 of group 0) repeats point 0 (element 0 of group 0); a set "
                        + "names each point once");
        byte[] finish = initiator.receive(reply).orElseThrow();
        responder.receive(finish);
        assertThat(responder.isDone()).isTrue();
    }

    @Test
    @DisplayName("the responder cannot send the first message, and results are refused before the end")
    void misuse_isReportedClearly() {
        assertThatThrownBy(responder::firstMessage).isInstanceOf(IllegalStateException.class)
                .hasMessage("only the initiator sends the first message; this is the responder");
        assertThatThrownBy(initiator::result).isInstanceOf(IllegalStateException.class)
                .hasMessage("the session is not done yet (state AWAIT_REPLY)");
        assertThatThrownBy(() -> PsiSession.initiator(OPTIONS, PsiSets.single(A)).receive(offer))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must send firstMessage()");
    }

    @Test
    @DisplayName("firstMessage can be resent: it returns the same bytes")
    void firstMessage_isStable() {
        assertThat(initiator.firstMessage()).isEqualTo(offer);
        assertThat(initiator.bytesSent()).isEqualTo(offer.length);
    }

    @Test
    @DisplayName("the offer is self-describing: magic, version, type, session id, body length, mode and output")
    void offer_isSelfDescribing() {
        ByteBuffer in = ByteBuffer.wrap(offer);
        assertThat(Arrays.copyOf(offer, 4)).isEqualTo("EPSI".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(offer[4]).isEqualTo((byte) 1);
        assertThat(offer[5]).isEqualTo((byte) 1);
        assertThat(in.getInt(22)).isEqualTo(offer.length - 26);
        assertThat(List.of(offer[26], offer[27])).containsExactly((byte) 2, (byte) 3);
    }
}
