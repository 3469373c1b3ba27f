package dev.ecosystem.payout;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PayoutStatus;
import dev.ecosystem.model.PayoutTransition;
import dev.ecosystem.model.StatementContent;
import dev.ecosystem.model.StatementId;
import dev.ecosystem.model.StoredStatement;
import dev.ecosystem.spi.ProviderException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The acting vendor's stored commission statements and their payout ledger. Statements are the vendor's own: another
 * company gets the same {@link NotFoundException} for a statement it does not own as for one that does not exist.
 *
 * <pre>{@code
 * CommissionStatement computed = attribution.statement(data, plan, partner, ReportPeriod.quarter(2025, 1));
 * StoredStatement draft = vendor.payouts().store(computed.content(), "finance@vendor.com");
 * StoredStatement pending = vendor.payouts().move(draft.id(), draft.version(), PayoutStatus.PENDING,
 *         "finance@vendor.com", "submitted for approval");
 * }</pre>
 *
 * <p>Every move names the version it was based on, so of two nodes moving the same statement only the first
 * succeeds. With a {@link dev.ecosystem.spi.PayoutProvider} configured, moving a {@code READY} statement to
 * {@code PAID} pays it: the statement is first claimed for {@value #PAYMENT_CLAIM_MINUTES} minutes (a concurrent
 * move gets a {@link ConflictException}), the provider is called outside any store transaction with the
 * statement's {@link StoredStatement#paymentKey() payment key}, and its reference is recorded; a failure leaves
 * the statement {@code READY} with the failure in its history, and a retry pays with the same key, so the provider
 * pays once.
 */
public interface Payouts {
    /** How long a payment attempt holds its claim on a statement before another attempt may take over. */
    int PAYMENT_CLAIM_MINUTES = 15;

    /**
     * Stores a computed statement in {@code DRAFT}. Storing the same partner, period and plan again is idempotent:
     * the same lines return the stored statement unchanged; other lines replace those of a statement still in
     * {@code DRAFT} (a new version, with a history step saying the total changed).
     *
     * @param actor who stores it, such as {@code finance@vendor.com}
     * @throws ConflictException when the stored statement has moved past {@code DRAFT} and the lines differ: a
     *     submitted statement is not changed behind its reviewer (move it back to {@code DRAFT} first)
     * @throws ValidationException when the partner is the vendor itself, or {@code actor} is blank
     */
    StoredStatement store(StatementContent content, String actor);

    /**
     * The statement.
     *
     * @throws NotFoundException when the vendor has no such statement
     */
    StoredStatement get(StatementId id);

    /** The vendor's statement for this partner, period and plan, or {@code null}. */
    @Nullable StoredStatement find(CompanyId partner, LocalDate periodStart, LocalDate periodEnd, String plan);

    /** The vendor's statements (of {@code partner} only, unless it is {@code null}) in ascending id order. */
    Page<StoredStatement> list(@Nullable CompanyId partner, PageRequest page);

    /**
     * Moves the payout on: {@code DRAFT -> PENDING -> READY -> PAID}, or {@code PENDING -> DRAFT}; {@code READY}
     * and {@code PAID} only once every line's hold has passed (on the hold day itself, by the client clock in UTC).
     * The step is recorded with {@code actor}, the time and {@code note}.
     *
     * @param expectedVersion the version the caller read
     * @param note why, or {@code null}
     * @return the statement as stored after the move
     * @throws NotFoundException when the vendor has no such statement
     * @throws ConflictException when the statement is no longer at {@code expectedVersion}, or is being paid
     * @throws ValidationException when the move is not allowed or a line is still held
     * @throws ProviderException when the payout provider failed; the statement stays {@code READY} with the failure
     *     recorded, and may be moved to {@code PAID} again (at its new version)
     */
    StoredStatement move(StatementId id, long expectedVersion, PayoutStatus next, String actor, @Nullable String note);

    /**
     * Every step of the statement's payout ledger, oldest first.
     *
     * @throws NotFoundException when the vendor has no such statement
     */
    List<PayoutTransition> history(StatementId id);
}
