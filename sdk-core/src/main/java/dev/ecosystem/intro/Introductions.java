package dev.ecosystem.intro;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.Draft;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Warm, double opt-in introductions, as the acting company: request them, answer consents on behalf of its own
 * people, cancel them, and measure them. Nobody is connected until everyone asked has said yes.
 *
 * <pre>{@code
 * Introductions intros = client.as(CompanyId.of("co-0001")).intros();
 * Introduction intro = intros.request(IntroRequest.builder(ContactId.of("ct-00001"), CompanyId.of("co-0002"),
 *         ContactId.of("ct-00012"), "Billing and email marketing for the same e-commerce teams").build());
 * client.intros().runDue(client.clock().instant());     // sends the consent ask
 * // the target clicks the accept link; the host's consent page calls client.intros().redeem(token, null, false)
 * }</pre>
 *
 * <p>Every status change is stored with who, when and why ({@link Introduction#history()}) and published as an
 * event {@code intro.<status>} (such as {@code intro.connected}) to the client's listener after it is committed.
 * Every email is written to the outbox in the same transaction as the change that causes it and sent by
 * {@link IntroOperations#runDue}.
 *
 * <p>Tenancy: the acting company names only people another company made
 * {@linkplain dev.ecosystem.model.Contact#reachableForIntroductions() reachable for introductions} (or addresses the
 * company, whose {@linkplain dev.ecosystem.model.Company#introductionIntake() intake contact} receives the ask); any
 * other id gets the same refusal as an unknown one. Each party sees an introduction as
 * {@link Introduction#visibleTo} shows it: the target company never sees the requester's CRM account or deal, no party
 * sees consent token ids, and no email to the requester's side names the target before everyone consented.
 */
public interface Introductions {
    /**
     * Requests an introduction: records it, and enqueues the consent asks (to the target; to the requester too when
     * an introducer makes it) in the same transaction.
     *
     * @return the introduction, {@code AWAITING_CONSENT}; for a repeated idempotency key, the first one as it is now
     * @throws dev.ecosystem.error.ValidationException when the request is malformed, or its account or deal is not in the
     *     acting company's CRM snapshot
     * @throws dev.ecosystem.error.NotFoundException when the requester or introducer is not a contact of the acting
     *     company, the target company does not exist or is not listed, or the target cannot be reached: for every
     *     reason (unknown id, not reachable, opted out, another company's contact, no intake contact) the same text
     * @throws dev.ecosystem.error.AccessDeniedException when the requester or introducer opted out of introductions, or
     *     either company blocked the other
     * @throws dev.ecosystem.error.ConflictException when the requester or the target has too many open requests
     */
    Introduction request(IntroRequest request);

    /**
     * The consent ask the target would receive for this request, with the placeholders
     * {@value IntroRequest#ACCEPT_LINK} and {@value IntroRequest#DECLINE_LINK} where the links go, and
     * {@value IntroRequest#TARGET_NAME} where the target's name goes: the acting company cannot see another
     * company's people, so the preview names none of them (the sent ask does). Stores nothing; checks the request
     * like {@link #request} does. Edit it and pass it back with
     * {@link IntroRequest.Builder#message}.
     */
    Draft preview(IntroRequest request);

    /**
     * Records that {@code person}, a contact of the acting company and a party of the introduction, agrees. When it
     * is the last consent, the introduction connects: the joint email is enqueued and, when the introduction names a
     * CRM account or deal, an {@code INTRODUCTION} touchpoint is appended to the requester's ledger.
     *
     * @throws dev.ecosystem.error.NotFoundException when there is no such introduction for the acting company
     * @throws dev.ecosystem.error.AccessDeniedException when {@code person} is not a party of it on the acting company's side
     * @throws dev.ecosystem.error.ConflictException when the consent was already answered, or the introduction has ended
     *     or expired
     */
    Introduction accept(IntroductionId id, ContactId person);

    /**
     * Records that {@code person} declines; the introduction ends and the requester (or, when the requester
     * declined, the introducer) is told politely. The reason is kept; it reaches the other side only if
     * {@code shareReason}.
     *
     * @throws dev.ecosystem.error.ConflictException when the consent was already answered, or the introduction has ended
     */
    Introduction decline(IntroductionId id, ContactId person, @Nullable String reason, boolean shareReason);

    /**
     * Withdraws an introduction the acting company requested. Outstanding consent links stop working.
     *
     * @throws dev.ecosystem.error.AccessDeniedException when the acting company is the target's company (it declines
     *     instead)
     * @throws dev.ecosystem.error.ConflictException when it has already ended
     */
    Introduction cancel(IntroductionId id, String reason);

    /**
     * The introduction as the acting company may see it ({@link Introduction#visibleTo}: a decline reason the other
     * side kept private, the requester's CRM ids for the target, and consent token ids are removed).
     *
     * @throws dev.ecosystem.error.NotFoundException when there is none the acting company is a party to
     */
    Introduction get(IntroductionId id);

    /** Introductions the acting company is a party to, in ascending id order, each as {@link #get} shows it. */
    Page<Introduction> list(PageRequest page);

    /**
     * The funnel of introductions the acting company requested from {@code from} (inclusive) to {@code to}
     * (exclusive), by creation time.
     *
     * @param period the bucket of {@link IntroFunnel#byPeriod()}: {@code DAYS}, {@code WEEKS} (starting Monday) or
     *     {@code MONTHS}
     */
    IntroFunnel funnel(Instant from, Instant to, ChronoUnit period);

    /** Blocks introductions between the acting company and {@code other}, both ways; returns whether it was new. */
    boolean block(CompanyId other);

    /** Lifts the acting company's block of {@code other}; returns whether there was one. */
    boolean unblock(CompanyId other);

    /** The companies the acting company blocks, in ascending id order. */
    Page<CompanyId> blocked(PageRequest page);
}
