package dev.ecosystem.psi;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.jspecify.annotations.Nullable;

/**
 * One run of the private set intersection protocol, on one side. Transport-agnostic: the host carries the byte
 * messages however it likes (HTTP, a queue, files) and feeds each received one to {@link #receive}.
 *
 * <pre>{@code
 * PsiSession alice = PsiSession.initiator(options, aliceSets);
 * PsiSession bob = PsiSession.responder(options, bobSets);
 * byte[] toBob = alice.firstMessage();
 * Optional<byte[]> toAlice = bob.receive(toBob);          // REPLY
 * Optional<byte[]> toBobAgain = alice.receive(toAlice.get()); // FINISH when the responder learns, else empty
 * toBobAgain.ifPresent(bob::receive);
 * PsiResult result = alice.result();
 * }</pre>
 *
 * <p>A message that is refused ({@link PsiProtocolException}) leaves the session exactly as it was: the right
 * message can still follow. Each session draws a fresh secret scalar and session id from {@link SecureRandom} and
 * wipes the scalar once it is done. Methods are synchronized; one session is meant for one exchange.
 */
public final class PsiSession {
    private enum Role {
        INITIATOR, RESPONDER
    }

    private enum State {
        NEW, AWAIT_OFFER, AWAIT_REPLY, AWAIT_FINISH, DONE
    }

    private final Role role;
    private final PsiOptions options;
    private final PsiSets mine;
    private final SecureRandom random;
    private final byte[] scalar = new byte[X25519.SCALAR_SIZE];
    private byte @Nullable [] sessionId;
    private State state;
    private byte @Nullable [] first;
    private Blinding.@Nullable Own own;
    private Wire.@Nullable BlindedSet theirs;
    private byte @Nullable [] theirTags;
    private @Nullable PsiResult result;
    private long bytesSent;
    private long bytesReceived;

    private PsiSession(Role role, PsiOptions options, PsiSets mine, SecureRandom random) {
        this.role = role;
        this.random = random;
        this.options = Checks.required(options, "options");
        this.mine = Checks.required(mine, "mine");
        int padded = 0;
        java.util.Map<Long, Integer> sizes = new java.util.HashMap<>();
        for (int i = 0; i < mine.size(); i++) {
            sizes.merge(mine.mask(i), 1, Integer::sum);
        }
        for (int size : sizes.values()) {
            padded += Blinding.paddedSize(size, options.paddingBucket());
        }
        if (padded > options.maxElements()) {
            throw new ValidationException("this side's set has " + padded + " elements after padding to "
                    + options.paddingBucket() + ", above maxElements " + options.maxElements());
        }
        X25519.generatePrivateKey(random, scalar);
        if (role == Role.INITIATOR) {
            sessionId = new byte[Wire.SESSION_ID_BYTES];
            random.nextBytes(sessionId);
            state = State.NEW;
        } else {
            state = State.AWAIT_OFFER;
        }
    }

    /** The side that starts: it sends {@link #firstMessage()} asking for {@code options}' mode and output. */
    public static PsiSession initiator(PsiOptions options, PsiSets mine) {
        return new PsiSession(Role.INITIATOR, options, mine, new SecureRandom());
    }

    /**
     * The side that answers; it refuses a first message asking for a mode or output other than {@code acceptable}'s.
     */
    public static PsiSession responder(PsiOptions acceptable, PsiSets mine) {
        return new PsiSession(Role.RESPONDER, acceptable, mine, new SecureRandom());
    }

    /** For tests: a session drawing its scalar, session id and shuffles from {@code random}. */
    static PsiSession withRandom(boolean initiator, PsiOptions options, PsiSets mine, SecureRandom random) {
        return new PsiSession(initiator ? Role.INITIATOR : Role.RESPONDER, options, mine, random);
    }

    /**
     * The OFFER: the mode, the output and this side's blinded set. Computed once; later calls return the same bytes
     * (for resending).
     *
     * @throws IllegalStateException on a responder
     */
    public synchronized byte[] firstMessage() {
        if (role != Role.INITIATOR) {
            throw new IllegalStateException("only the initiator sends the first message; this is the responder");
        }
        if (first == null) {
            Blinding.Own arranged = Blinding.arrange(mine, options.paddingBucket(), random);
            byte[] points = Blinding.blindOwn(mine, arranged, scalar, options.threads());
            first = Wire.offer(sessionId(), options.mode(), options.output(),
                    new Wire.BlindedSet(mine.populations(), arranged.masks(), arranged.counts(), points));
            own = arranged;
            bytesSent += first.length;
            state = State.AWAIT_REPLY;
        }
        return first.clone();
    }

    /**
     * Processes one received message and returns the reply to send, or empty when this side sends nothing more.
     *
     * @throws PsiProtocolException when the message is refused (wrong version, type, session, length, point, size...);
     *     the session is unchanged
     * @throws IllegalStateException when the initiator has not sent its first message yet
     */
    public synchronized Optional<byte[]> receive(byte[] message) {
        Checks.required(message, "message");
        if (state == State.NEW) {
            throw new IllegalStateException("the initiator must send firstMessage() before receiving");
        }
        Wire.Header header = Wire.header(message);
        Wire.Type expected = switch (state) {
            case AWAIT_OFFER -> Wire.Type.OFFER;
            case AWAIT_REPLY -> Wire.Type.REPLY;
            case AWAIT_FINISH -> Wire.Type.FINISH;
            default -> null;
        };
        if (expected == null) {
            throw new PsiProtocolException("unexpected " + header.type() + ": this session is complete and expects "
                    + "no further message (a replay or an out-of-order message)");
        }
        if (header.type() != expected) {
            throw new PsiProtocolException("unexpected " + header.type() + ": this " + role.name().toLowerCase(
                    java.util.Locale.ROOT) + " expects " + expected + " now (a replay or an out-of-order message)");
        }
        if (sessionId != null && !Arrays.equals(sessionId, header.sessionId())) {
            throw new PsiProtocolException("message of another session: it carries session id "
                    + HexFormat.of().formatHex(header.sessionId()) + " but this session is "
                    + HexFormat.of().formatHex(sessionId));
        }
        return switch (header.type()) {
            case OFFER -> Optional.of(onOffer(header, message));
            case REPLY -> onReply(message);
            case FINISH -> {
                onFinish(message);
                yield Optional.empty();
            }
        };
    }

    private byte[] onOffer(Wire.Header header, byte[] message) {
        Wire.Offer offer = Wire.offerBody(message, options.maxElements(), options.maxGroups());
        if (offer.mode() != options.mode()) {
            throw new PsiProtocolException("refused: the initiator asks for mode " + offer.mode()
                    + " but this responder accepts only " + options.mode());
        }
        if (offer.output() != options.output()) {
            throw new PsiProtocolException("refused: the initiator asks for output " + offer.output()
                    + " but this responder accepts only " + options.output());
        }
        byte[] tags = Blinding.tagTheirs(offer.set(), scalar, options.threads(), Wire.Type.OFFER);
        Blinding.Own arranged = Blinding.arrange(mine, options.paddingBucket(), random);
        byte[] points = Blinding.blindOwn(mine, arranged, scalar, options.threads());
        Wire.Tags returned = null;
        if (options.output().initiatorLearns()) {
            returned = new Wire.Tags(offer.set().counts(), options.mode() == PsiMode.CARDINALITY
                    ? Blinding.shuffledWithinGroups(tags, offer.set().counts(), random) : tags);
        }
        byte[] reply = Wire.reply(header.sessionId(), new Wire.BlindedSet(mine.populations(), arranged.masks(),
                arranged.counts(), points), returned);
        sessionId = header.sessionId();
        own = arranged;
        bytesReceived += message.length;
        bytesSent += reply.length;
        if (options.output().responderLearns()) {
            theirs = offer.set();
            theirTags = tags;
            state = State.AWAIT_FINISH;
        } else {
            finish();
        }
        return reply;
    }

    private Optional<byte[]> onReply(byte[] message) {
        Wire.Reply reply = Wire.replyBody(message, options.maxElements(), options.maxGroups());
        Blinding.Own arranged = own();
        boolean learns = options.output().initiatorLearns();
        if (learns != (reply.tags() != null)) {
            throw new PsiProtocolException("REPLY " + (learns ? "lacks" : "carries") + " the initiator's tags, but in "
                    + "output " + options.output() + " the initiator " + (learns ? "learns" : "learns nothing"));
        }
        if (reply.tags() != null) {
            checkTags(reply.tags(), arranged, Wire.Type.REPLY);
        }
        byte[] tags = Blinding.tagTheirs(reply.set(), scalar, options.threads(), Wire.Type.REPLY);
        PsiResult learned = reply.tags() == null ? null : Matching.compare(options.mode(), mine, arranged,
                reply.tags().tags(), reply.set(), tags, Wire.Type.REPLY);
        byte[] finishMessage = null;
        if (options.output().responderLearns()) {
            finishMessage = Wire.finish(sessionId(), new Wire.Tags(reply.set().counts(),
                    options.mode() == PsiMode.CARDINALITY
                            ? Blinding.shuffledWithinGroups(tags, reply.set().counts(), random) : tags));
            bytesSent += finishMessage.length;
        }
        bytesReceived += message.length;
        result = learned;
        finish();
        return Optional.ofNullable(finishMessage);
    }

    private void onFinish(byte[] message) {
        Wire.Tags tags = Wire.finishBody(message, options.maxElements());
        Blinding.Own arranged = own();
        checkTags(tags, arranged, Wire.Type.FINISH);
        Wire.BlindedSet set = theirs;
        byte[] their = theirTags;
        if (set == null || their == null) {
            throw new IllegalStateException("responder awaiting FINISH without the initiator's set");
        }
        result = Matching.compare(options.mode(), mine, arranged, tags.tags(), set, their, Wire.Type.FINISH);
        bytesReceived += message.length;
        finish();
    }

    private static void checkTags(Wire.Tags tags, Blinding.Own own, Wire.Type type) {
        int[] sent = own.counts();
        if (tags.counts().length != sent.length) {
            throw new PsiProtocolException(type + " returns tags for " + tags.counts().length + " groups, but this "
                    + "side sent " + sent.length);
        }
        for (int g = 0; g < sent.length; g++) {
            if (tags.counts()[g] != sent[g]) {
                throw new PsiProtocolException(type + " returns " + tags.counts()[g] + " tags for group " + g
                        + ", but this side sent " + sent[g] + " points in it");
            }
        }
    }

    private void finish() {
        state = State.DONE;
        Arrays.fill(scalar, (byte) 0);
        theirs = null;
        theirTags = null;
    }

    private byte[] sessionId() {
        byte[] id = sessionId;
        if (id == null) {
            throw new IllegalStateException("no session id yet");
        }
        return id;
    }

    private Blinding.Own own() {
        Blinding.Own arranged = own;
        if (arranged == null) {
            throw new IllegalStateException("this side has not sent its set yet");
        }
        return arranged;
    }

    /** Whether this side has nothing more to send or receive. */
    public synchronized boolean isDone() {
        return state == State.DONE;
    }

    /**
     * What this side learned.
     *
     * @throws IllegalStateException when the session is not done, or this side learns nothing in its output
     */
    public synchronized PsiResult result() {
        if (state != State.DONE) {
            throw new IllegalStateException("the session is not done yet (state " + state + ")");
        }
        PsiResult learned = result;
        if (learned == null) {
            throw new IllegalStateException("this " + role.name().toLowerCase(java.util.Locale.ROOT)
                    + " learns nothing in output " + options.output());
        }
        return learned;
    }

    /** Bytes of the messages this side produced. */
    public synchronized long bytesSent() {
        return bytesSent;
    }

    /** Bytes of the messages this side accepted (refused ones are not counted). */
    public synchronized long bytesReceived() {
        return bytesReceived;
    }

    @Override
    public synchronized String toString() {
        return "PsiSession[role=" + role + ", state=" + state + ", " + options + "]";
    }
}
