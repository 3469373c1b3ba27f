package dev.ecosystem.intro;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Prospect;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the acting company asks for: an introduction of one of its contacts to a contact at another company, or to
 * whoever that company designated to receive introductions addressed to the company.
 *
 * <pre>{@code
 * IntroRequest request = IntroRequest.builder(ContactId.of("ct-00001"), CompanyId.of("co-0002"),
 *                 ContactId.of("ct-00012"), "We both serve subscription e-commerce; a billing integration is asked for")
 *         .idempotencyKey("ui-submit-8f2c")
 *         .build();
 * }</pre>
 *
 * <p>Who can be named: the target must be a contact the target company marked
 * {@linkplain dev.ecosystem.model.Contact#reachableForIntroductions() reachable for introductions}. Any other id
 * (unknown, not reachable, opted out, another company's) gets one and the same
 * {@link dev.ecosystem.error.NotFoundException}, so a request never tells whether a person exists. To ask a company without
 * naming anyone, build with {@link #builder(ContactId, CompanyId, String)}: the company's
 * {@linkplain dev.ecosystem.model.Company#introductionIntake() intake contact} receives the ask (a company without
 * one gets the same refusal).
 *
 * <pre>{@code
 * IntroRequest toTheCompany = IntroRequest.builder(ContactId.of("ct-00001"), CompanyId.of("co-0002"),
 *         "Our shared e-commerce customers ask for a billing integration").build();
 * }</pre>
 *
 * <p>{@code account} and {@code deal} must be ids of the acting company's own CRM snapshot; they stay on its side
 * (the target company never sees them).
 *
 * <p>To let the requester review and edit the consent ask before it goes out, show
 * {@link Introductions#preview(IntroRequest)}, then pass the edited text back with {@link Builder#message}: it must
 * keep the {@value #ACCEPT_LINK} and {@value #DECLINE_LINK} placeholders, which become the signed links. The preview
 * shows {@value #TARGET_NAME} where the target's name goes (the requester cannot see the people of another company),
 * and the same placeholder in the edited subject or text becomes the name when the ask is sent.
 *
 * @param requester the contact of the acting company who wants the introduction
 * @param targetCompany the company of the person to meet
 * @param target the person to meet, one the target company made reachable for introductions; or {@code null} for
 *     the target company's intake contact
 * @param context why these two should talk
 * @param introducer a contact of the acting company who makes the introduction, or {@code null}; with one, the
 *     requester must consent too
 * @param idempotencyKey the same key twice gives the same introduction, or {@code null}
 * @param account the acting company's CRM account this is about (an id of its CRM snapshot), or {@code null} (then
 *     the target company's account is looked up by web domain in the CRM snapshot); never shown to the target
 * @param deal the acting company's CRM deal this is about (an id of its CRM snapshot), or {@code null}; never shown
 *     to the target
 * @param prospect the company this is about when the acting company's CRM has no record of it yet (a name and
 *     optionally a web domain, which must be a company's registrable domain), or {@code null}; once the introduction
 *     connects, a CRM sync credits it on the acting company's new or changed deals of a matching account; never
 *     shown to the target
 * @param facts further facts to show (a navigator explanation, overlap counts), added to those the SDK finds
 * @param subject the edited subject of the consent ask to the target, or {@code null} to use the drafter's
 * @param text the edited plain text of that ask with both link placeholders, or {@code null}
 */
public record IntroRequest(
        ContactId requester, CompanyId targetCompany, @Nullable ContactId target, String context,
        @Nullable ContactId introducer, @Nullable String idempotencyKey, @Nullable AccountId account,
        @Nullable DealId deal, @Nullable Prospect prospect, List<String> facts, @Nullable String subject,
        @Nullable String text) {

    /** Replaced by the signed accept link in an edited consent ask. */
    public static final String ACCEPT_LINK = "{acceptUrl}";
    /** Replaced by the signed decline link in an edited consent ask. */
    public static final String DECLINE_LINK = "{declineUrl}";
    /** Stands for the target's name in a preview; in an edited consent ask it is replaced by the name. */
    public static final String TARGET_NAME = "{targetName}";

    /** Validates every field. */
    public IntroRequest {
        Checks.required(requester, "requester");
        Checks.required(targetCompany, "targetCompany");
        context = Checks.text(context, "context", 4000);
        if (requester.equals(introducer)) {
            throw new ValidationException("introducer must differ from the requester, but both were " + requester);
        }
        idempotencyKey = idempotencyKey == null ? null : Checks.singleLine(idempotencyKey, "idempotencyKey", 200);
        Checks.noNulls(facts, "facts");
        if (facts.size() > 20) {
            throw new ValidationException("facts must be at most 20, but were " + facts.size());
        }
        List<String> cleaned = new ArrayList<>();
        for (String fact : facts) {
            cleaned.add(Checks.singleLine(fact, "fact", 500));
        }
        facts = List.copyOf(cleaned);
        if ((subject == null) != (text == null)) {
            throw new ValidationException("an edited message needs both subject and text, but "
                    + (subject == null ? "subject" : "text") + " was null");
        }
        if (subject != null && text != null) {
            subject = Checks.singleLine(subject, "subject", 300);
            text = Checks.text(text, "text", 10_000);
            for (String placeholder : List.of(ACCEPT_LINK, DECLINE_LINK)) {
                if (!text.contains(placeholder)) {
                    throw new ValidationException("text must keep the placeholder " + placeholder
                            + " (it becomes the signed consent link), but it was missing");
                }
            }
        }
    }

    /** Starts a builder for an introduction to {@code target}, a reachable contact of {@code targetCompany}. */
    public static Builder builder(ContactId requester, CompanyId targetCompany, ContactId target, String context) {
        return new Builder(requester, targetCompany, Checks.required(target, "target"), context);
    }

    /**
     * Starts a builder for an introduction to {@code targetCompany} itself: its
     * {@linkplain dev.ecosystem.model.Company#introductionIntake() intake contact} receives the ask, and no email or
     * preview shows the requester that person's name before they consent.
     */
    public static Builder builder(ContactId requester, CompanyId targetCompany, String context) {
        return new Builder(requester, targetCompany, null, context);
    }

    /** Builds an {@link IntroRequest}. */
    public static final class Builder {
        private final ContactId requester;
        private final CompanyId targetCompany;
        private final @Nullable ContactId target;
        private final String context;
        private @Nullable ContactId introducer;
        private @Nullable String idempotencyKey;
        private @Nullable AccountId account;
        private @Nullable DealId deal;
        private @Nullable Prospect prospect;
        private final List<String> facts = new ArrayList<>();
        private @Nullable String subject;
        private @Nullable String text;

        private Builder(ContactId requester, CompanyId targetCompany, @Nullable ContactId target, String context) {
            this.requester = requester;
            this.targetCompany = targetCompany;
            this.target = target;
            this.context = context;
        }

        /** A contact of the acting company who makes the introduction; the requester must then consent too. */
        public Builder introducer(@Nullable ContactId introducer) {
            this.introducer = introducer;
            return this;
        }

        /** The same key twice gives the same introduction. */
        public Builder idempotencyKey(@Nullable String key) {
            this.idempotencyKey = key;
            return this;
        }

        /** The acting company's CRM account this is about; it must be in the acting company's CRM snapshot. */
        public Builder account(@Nullable AccountId account) {
            this.account = account;
            return this;
        }

        /** The acting company's CRM deal this is about; it must be in the acting company's CRM snapshot. */
        public Builder deal(@Nullable DealId deal) {
            this.deal = deal;
            return this;
        }

        /**
         * The company this is about when the acting company's CRM has no record of it yet; never shown to the
         * target. Once the introduction connects, CRM syncs credit it on deals of a matching account.
         */
        public Builder prospect(@Nullable Prospect prospect) {
            this.prospect = prospect;
            return this;
        }

        /** Adds facts to show, such as a navigator explanation. */
        public Builder facts(String... more) {
            facts.addAll(List.of(more));
            return this;
        }

        /** The requester's edited consent ask to the target; the text keeps both link placeholders. */
        public Builder message(String editedSubject, String editedText) {
            this.subject = editedSubject;
            this.text = editedText;
            return this;
        }

        /** Validates and builds. */
        public IntroRequest build() {
            return new IntroRequest(requester, targetCompany, target, context, introducer, idempotencyKey, account,
                    deal, prospect, facts, subject, text);
        }
    }
}
