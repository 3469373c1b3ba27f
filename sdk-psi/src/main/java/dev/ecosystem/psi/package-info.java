/**
 * Private account mapping: two companies, each running the SDK over its own CRM, compute their population matrix
 * (and, if they choose, the matched accounts) by two-party private set intersection (PSI), with no trusted third
 * party and without either revealing the accounts that do not overlap.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * PsiOptions options = PsiOptions.builder().mode(PsiMode.CARDINALITY).output(PsiOutput.BOTH)
 *         .paddingBucket(1024).build();
 * limiter.acquire(partnerId, options);              // PsiSessionLimiter: sessions, groups per partner
 * PsiSession session = PsiSession.initiator(options, PsiSets.fromOverlaps(client.as(myId)));
 * send(session.firstMessage());                     // the host carries bytes: HTTP, a queue, files...
 * while (!session.isDone()) {
 *     session.receive(nextMessage()).ifPresent(this::send);
 * }
 * PopulationMatrix matrix = session.result().matrix(partnerId);
 * }</pre>
 * The partner runs {@link dev.ecosystem.psi.PsiSession#responder} with the options it accepts; a first message
 * asking for another mode or output is refused.
 *
 * <h2>Protocol</h2>
 * Elliptic-curve Diffie-Hellman PSI on curve25519 (X25519, u-coordinates only), semi-honest model:
 * <ol>
 *   <li>Each side draws a fresh secret scalar {@code a} (initiator) or {@code b} (responder) per session from
 *   {@link java.security.SecureRandom} (X25519 clamping: a multiple of 8 below 2^255), never reused, wiped when the
 *   session ends. Each distinct key is hashed to the curve with RFC 9380 {@code curve25519_XMD:SHA-512_ELL2_NU_}
 *   (expand_message_xmd with SHA-512, Elligator 2) under the tag
 *   {@code ECOSYSTEM-PSI-V01-CS01-with-curve25519_XMD:SHA-512_ELL2_NU_}, then blinded once: {@code H(x)^a}. The
 *   suite's final cofactor clearing is folded into the clamped scalar (a multiple of 8), so the values live in the
 *   prime-order subgroup. The implementation is checked against the RFC's appendix J.4.2 vectors.</li>
 *   <li>OFFER (initiator to responder): mode, output, and the initiator's blinded keys grouped by their combination
 *   of populations (a group per combination, labelled with population names), each group shuffled and padded.</li>
 *   <li>REPLY (responder to initiator): the responder's own blinded keys, grouped the same way, and, when the
 *   initiator learns, {@code tag(H(x)^ab)} for each of the initiator's points: in the initiator's order in
 *   INTERSECTION mode, shuffled within each group in CARDINALITY mode.</li>
 *   <li>FINISH (initiator to responder, only when the responder learns): {@code tag(H(y)^ba)} for the responder's
 *   points, ordered or shuffled the same way.</li>
 *   <li>The learner blinds the other side's points itself, {@code tag(H(y)^ba)}, and looks up its own returned tags
 *   among them: equal tags are equal keys. A tag is the first 16 bytes of SHA-256 of the double-blinded value.</li>
 * </ol>
 * Every received point is checked before use: canonical (below 2^255 - 19, bit 255 clear), not one of the points of
 * small order, on curve25519 rather than its twist ({@code u^3 + 486662u^2 + u} is a square), and its blinding is
 * not all zero. A set naming a point twice is refused while its message is parsed, before any scalar multiplication
 * (it would inflate counts), and so is a set with more groups than {@link dev.ecosystem.psi.PsiOptions#maxGroups()}.
 *
 * <h2>Assumptions</h2>
 * Both parties follow the protocol (semi-honest); the decisional Diffie-Hellman assumption holds in the prime-order
 * subgroup of curve25519; SHA-512 (inside the hash to curve) and SHA-256 (the tags) behave as random oracles.
 * ristretto255 would give a prime-order group directly, but BouncyCastle has no ristretto255; X25519 with clamped
 * scalars and u-coordinates gives the same group up to the sign of points, which does not change Diffie-Hellman
 * values. The non-uniform encoding ({@code _NU_}) maps to about half of the points, not uniformly; it is the faster
 * of the two RFC 9380 suites, and the uniform one ({@code _RO_}) would need a second map and a point addition per
 * key. Tags are 16 bytes: a false match needs two different double-blinded values with equal tags, probability at
 * most {@code n * m / 2^128} (below 2^-78 at the 50,000,000 x 50,000,000 maximum).
 *
 * <h2>What each side learns</h2>
 * <ul>
 *   <li>Both sides, always: the other side's population names, and the size of each of its groups (the keys that
 *   share one combination of populations) rounded up to the other side's padding bucket; the mode and output.</li>
 *   <li>A learner in CARDINALITY mode: for each pair (its group, their group) how many of its keys are in that
 *   group of theirs, hence each population-matrix cell. Its tags come back shuffled within each group, so it cannot
 *   tell which of its keys matched, except as counts imply: a group whose count is 0 or equals its size tells about
 *   every key in it. <b>A cardinality over a group of size one reveals membership</b>, and the learner chooses its
 *   own groups: with one key per population (a group per key) it learns exactly which of those keys the other side
 *   holds. Padding does not hide this, nor would a minimum group size, since a learner can fill a group with dummy
 *   points that never match. What bounds it: each side refuses a set with more than
 *   {@link dev.ecosystem.psi.PsiOptions#maxGroups()} groups (default 7, before any work), so one session tests at
 *   most {@code maxGroups} keys this way, and {@link dev.ecosystem.psi.PsiSessionLimiter} charges every session its
 *   {@code maxGroups} against a per-partner, per-period group budget, so a partner tests at most that budget's keys
 *   per period (twice it across a period boundary). Keep groups large and the budget small.</li>
 *   <li>A learner in INTERSECTION mode: which of its own keys the other side has, and in which of the other side's
 *   population combinations each one is. Never the other side's keys it does not have.</li>
 *   <li>A side that does not learn: only the sizes above.</li>
 *   <li>With output BOTH the initiator learns one message before the responder; a party that stops then has
 *   learned while the other has not. Either side can probe: any key it puts in its own set is checked against the
 *   other's, and repeated sessions with changed sets reveal differences. Cap sessions and groups with
 *   {@link dev.ecosystem.psi.PsiSessionLimiter} and sizes with {@link dev.ecosystem.psi.PsiOptions#maxElements()}.</li>
 *   <li>Against a party that deviates from the protocol, neither results nor the CARDINALITY promise hold: a
 *   learner that blinds each of its keys with a scalar of its own, instead of one per session, can tell its returned
 *   tags apart and so learns which of its keys matched, even within one group (at the cost of one scalar
 *   multiplication per such key and point of the other side). So against such a party CARDINALITY mode gives no
 *   more than INTERSECTION mode: it learns its own keys that match. Its view of the other side's keys it does not
 *   have is still only blinded points, but this holds under a one-more Diffie-Hellman assumption, not the DDH one
 *   above, and is not shown by the tests. A party that sends keys it does not have or returns wrong tags makes the
 *   other's result wrong. The session budget of {@link dev.ecosystem.psi.PsiSessionLimiter} still bounds how many
 *   sessions it gets; the group cap and budget do not bound this deviation.</li>
 * </ul>
 * PSI matches registrable domains only ({@link dev.ecosystem.psi.PsiSets#fromOverlaps}); the fuzzy name matching of
 * {@link dev.ecosystem.overlap.Overlaps#matrix} cannot run on blinded values, so accounts without a usable domain do
 * not take part and the PSI matrix can be lower than the in-network one.
 *
 * <h2>Messages</h2>
 * Version 1, all integers big-endian: a 26-byte header (magic {@code "EPSI"}, version, type, 16-byte session id,
 * body length) and a strictly parsed body (see the field list in {@code Wire}). A message of another session, a
 * replay or an out-of-order message, another version, a wrong or truncated length, a bad or repeated point, or a
 * set over {@code maxElements} or {@code maxGroups} is refused with a {@link dev.ecosystem.psi.PsiProtocolException}
 * saying which, and the session stays as it was, so the right message can still complete it. On the wire a key
 * costs 32 bytes once, plus 16 bytes for each side that learns: 40 bytes per element with one learner, 48 with both
 * (equal set sizes).
 *
 * <h2>Cost</h2>
 * Per element and side: one hash to curve, two X25519 scalar multiplications (blinding its own key, blinding the
 * other's point) and one square test; {@link dev.ecosystem.psi.PsiOptions#threads()} spreads them over cores.
 * Hashing a key runs in time independent of the key's value: the map to the curve chooses with conditional moves,
 * not branches. Only the key's length (through the number of SHA-512 blocks) and whether it is ASCII show. The
 * scalar multiplications are BouncyCastle's constant-time ladder. The square test on the other side's points is
 * variable-time: those points are what that side sent.
 */
@NullMarked
package dev.ecosystem.psi;

import org.jspecify.annotations.NullMarked;
