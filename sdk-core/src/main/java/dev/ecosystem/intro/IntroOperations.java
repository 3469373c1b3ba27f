package dev.ecosystem.intro;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * The host's side of introductions, across all companies: scheduled work (reminders, expiry, email delivery),
 * consent links (which arrive without a logged-in company), and parked emails. Obtain it with
 * {@code client.intros()}.
 *
 * <pre>{@code
 * ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
 * client.intros().scheduleOn(scheduler, Duration.ofMinutes(1));
 *
 * // in the host's consent page, on POST (never on the GET a mail scanner may make):
 * Introduction intro = client.intros().redeem(request.getParameter("token"), reason, shareReason);
 * // on GET, to show who asks and why without answering:
 * ConsentView view = client.intros().peek(request.getParameter("token"));
 * }</pre>
 *
 * <p>Safe to run on several application nodes at once: introductions change under optimistic versions and emails
 * are claimed under a lease, so each email is sent once as far as the {@link dev.ecosystem.spi.Mailer} contract
 * allows.
 */
public interface IntroOperations {
    /**
     * Does everything due at {@code now}: expires introductions whose window ended (at or before {@code now}),
     * enqueues due reminders, then sends due outbox emails through the mailer, retrying failures with exponential
     * backoff and parking an email (event {@code outbox.parked}) after too many failures.
     */
    DueRun runDue(Instant now);

    /**
     * Calls {@link #runDue} with the client clock's time every {@code every} (fixed delay) on {@code scheduler}; a
     * failing run is logged and the schedule goes on. Cancel the returned future to stop.
     */
    ScheduledFuture<?> scheduleOn(ScheduledExecutorService scheduler, Duration every);

    /**
     * Records the answer a consent link carries (accept or decline). The token must be signed with one of the
     * configured keys, unexpired, not used before, for an introduction still waiting for that very consent.
     *
     * @param token the {@code token} parameter of the link, unchanged
     * @param reason for a decline, why, or {@code null}; ignored for an accept
     * @param shareReason whether the decline reason may be shown to the requester
     * @return the introduction as the answering party's company sees it
     * @throws dev.ecosystem.error.ValidationException when the token is malformed, forged or tampered with
     * @throws dev.ecosystem.error.ConflictException when it expired, was used already, or its introduction has ended
     */
    Introduction redeem(String token, @Nullable String reason, boolean shareReason);

    /**
     * What the consent link carrying {@code token} asks, for a page to show before the person answers: it changes
     * nothing (no store write, no event, no email), so it is safe on the GET a mail scanner may make. It refuses every
     * token {@link #redeem} would refuse, with the same exception type and message, so a page that shows a view can
     * expect the answer to be taken (unless someone else answers or the window closes meanwhile).
     *
     * @param token the {@code token} parameter of the link, unchanged
     * @return who asks, whom they want to meet, why and until when
     * @throws dev.ecosystem.error.ValidationException when the token is malformed, forged or tampered with
     * @throws dev.ecosystem.error.NotFoundException when its introduction does not exist
     * @throws dev.ecosystem.error.ConflictException when it expired, was used already, or its introduction has ended
     */
    ConsentView peek(String token);

    /** The tenant's parked emails, in ascending id order. */
    Page<OutboxEntry> parked(CompanyId tenant, PageRequest page);

    /**
     * Makes a parked email due again at once (with its original Message-ID).
     *
     * @throws dev.ecosystem.error.NotFoundException when there is no such entry
     * @throws dev.ecosystem.error.ConflictException when it is not parked
     */
    OutboxEntry retry(OutboxEntryId id);

    /**
     * Hands back the outbox emails this client claimed but has not yet given to the mailer, due at once, so another
     * node sends them now instead of after their lease; a {@link #runDue} under way finishes the email it is sending
     * and stops. Emails already with the mailer keep their lease: only their outcome can tell whether they went out.
     * Later runs work as before. For a graceful shutdown: stop scheduling runs, give the one under way a while to
     * finish, then call this.
     *
     * @return how many emails were handed back
     */
    int releaseClaims();
}
