package dev.ecosystem.model;

import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A commission statement as the store keeps it: its content, where its payout stands, and the ledger of every step.
 * Visible to its vendor only. Immutable; change a copy through {@link #toBuilder()}.
 *
 * @param id the statement's id, unique across the store
 * @param vendor the company that owes the commission (the tenant that owns the record)
 * @param content the partner, period, plan and lines
 * @param status where the payout stands
 * @param version raised by one on every stored change; moves name the version they were based on
 * @param paymentKey the idempotency key a {@link dev.ecosystem.spi.PayoutProvider} is paid with: the statement id
 *     and the version at which it became {@code READY}. Set once on the move to {@code READY} and never changed
 *     after, so every retry of a payment carries the same key. {@code null} before
 * @param paymentReference the provider's reference of the payment, or {@code null}
 * @param paymentFailure what the provider answered when the last payment attempt failed, or {@code null}
 * @param payingUntil while a node is paying the statement: when its claim lapses; {@code null} otherwise
 * @param createdAt when it was first stored
 * @param updatedAt when it was last changed
 * @param history every step, oldest first
 */
public record StoredStatement(StatementId id, CompanyId vendor, StatementContent content, PayoutStatus status,
        long version, @Nullable String paymentKey, @Nullable String paymentReference, @Nullable String paymentFailure,
        @Nullable Instant payingUntil, Instant createdAt, Instant updatedAt, List<PayoutTransition> history) {

    /** Validates every field. */
    public StoredStatement {
        Checks.required(id, "statement id");
        Checks.required(vendor, "statement vendor");
        Checks.required(content, "statement content");
        Checks.required(status, "statement status");
        Checks.nonNegative(version, "statement version");
        paymentKey = paymentKey == null ? null : Checks.singleLine(paymentKey, "paymentKey", 200);
        paymentReference = paymentReference == null ? null
                : Checks.singleLine(paymentReference, "paymentReference", 500);
        paymentFailure = paymentFailure == null ? null : Checks.text(paymentFailure, "paymentFailure", 2000);
        Checks.required(createdAt, "statement createdAt");
        Checks.required(updatedAt, "statement updatedAt");
        history = List.copyOf(Checks.noNulls(history, "statement history"));
    }

    /** A new statement in {@code DRAFT} at version 0, without history. */
    public static Builder builder(StatementId id, CompanyId vendor, StatementContent content, Instant createdAt) {
        return new Builder(id, vendor, content, createdAt);
    }

    /** A builder holding every field of this statement. */
    public Builder toBuilder() {
        Builder builder = new Builder(id, vendor, content, createdAt);
        builder.status = status;
        builder.version = version;
        builder.paymentKey = paymentKey;
        builder.paymentReference = paymentReference;
        builder.paymentFailure = paymentFailure;
        builder.payingUntil = payingUntil;
        builder.updatedAt = updatedAt;
        builder.history.addAll(history);
        return builder;
    }

    /** The partner the commission is owed to. */
    public CompanyId partner() {
        return content.partner();
    }

    /** The sum of every line. */
    public Money total() {
        return content.total();
    }

    /** The last day a line is held until. */
    public LocalDate heldUntil() {
        return content.heldUntil();
    }

    /** Builds a {@link StoredStatement}. */
    public static final class Builder {
        private final StatementId id;
        private final CompanyId vendor;
        private final Instant createdAt;
        private StatementContent content;
        private PayoutStatus status = PayoutStatus.DRAFT;
        private long version;
        private @Nullable String paymentKey;
        private @Nullable String paymentReference;
        private @Nullable String paymentFailure;
        private @Nullable Instant payingUntil;
        private Instant updatedAt;
        private final List<PayoutTransition> history = new ArrayList<>();

        private Builder(StatementId id, CompanyId vendor, StatementContent content, Instant createdAt) {
            this.id = id;
            this.vendor = vendor;
            this.content = content;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        /** The partner, period, plan and lines. */
        public Builder content(StatementContent value) {
            this.content = value;
            return this;
        }

        /** Where the payout stands (default {@code DRAFT}). */
        public Builder status(PayoutStatus value) {
            this.status = value;
            return this;
        }

        /** The version (default 0; stores set it). */
        public Builder version(long value) {
            this.version = value;
            return this;
        }

        /** The provider's idempotency key, or {@code null}. */
        public Builder paymentKey(@Nullable String value) {
            this.paymentKey = value;
            return this;
        }

        /** The provider's payment reference, or {@code null}. */
        public Builder paymentReference(@Nullable String value) {
            this.paymentReference = value;
            return this;
        }

        /** The last payment failure, or {@code null}. */
        public Builder paymentFailure(@Nullable String value) {
            this.paymentFailure = value;
            return this;
        }

        /** When the current payment claim lapses, or {@code null}. */
        public Builder payingUntil(@Nullable Instant value) {
            this.payingUntil = value;
            return this;
        }

        /** When it was last changed (default its creation). */
        public Builder updatedAt(Instant value) {
            this.updatedAt = value;
            return this;
        }

        /** Appends one step to the history. */
        public Builder transition(PayoutTransition step) {
            history.add(Checks.required(step, "transition"));
            return this;
        }

        /** Replaces the history. */
        public Builder history(List<PayoutTransition> steps) {
            history.clear();
            history.addAll(Checks.noNulls(steps, "history"));
            return this;
        }

        /** Validates and builds. */
        public StoredStatement build() {
            return new StoredStatement(id, vendor, content, status, version, paymentKey, paymentReference,
                    paymentFailure, payingUntil, createdAt, updatedAt, history);
        }
    }
}
