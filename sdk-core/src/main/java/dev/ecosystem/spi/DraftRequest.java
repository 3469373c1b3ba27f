package dev.ecosystem.spi;

import dev.ecosystem.internal.base.Checks;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a drafter may use to write one email of an introduction: only what the introduction needs, never CRM records
 * or other contacts. Built with {@link #builder}; a field added later breaks no caller. Two requests are equal when
 * every field is.
 */
public final class DraftRequest {
    private final DraftKind kind;
    private final String recipientName;
    private final String requesterName;
    private final @Nullable String requesterTitle;
    private final String requesterCompany;
    private final String targetName;
    private final @Nullable String targetTitle;
    private final String targetCompany;
    private final @Nullable String introducerName;
    private final String context;
    private final List<String> sharedFacts;
    private final @Nullable String acceptUrl;
    private final @Nullable String declineUrl;
    private final @Nullable String declineReason;

    private DraftRequest(Builder b) {
        this.kind = Checks.required(b.kind, "kind");
        this.recipientName = Checks.required(b.recipientName, "recipientName");
        this.requesterName = Checks.required(b.requesterName, "requesterName");
        this.requesterTitle = b.requesterTitle;
        this.requesterCompany = Checks.required(b.requesterCompany, "requesterCompany");
        this.targetName = Checks.required(b.targetName, "targetName");
        this.targetTitle = b.targetTitle;
        this.targetCompany = Checks.required(b.targetCompany, "targetCompany");
        this.introducerName = b.introducerName;
        this.context = Checks.required(b.context, "context");
        this.sharedFacts = List.copyOf(Checks.noNulls(b.sharedFacts, "sharedFacts"));
        this.acceptUrl = b.acceptUrl;
        this.declineUrl = b.declineUrl;
        this.declineReason = b.declineReason;
    }

    /**
     * A request for one email of {@code kind} to {@code recipientName}; {@link Builder#requester},
     * {@link Builder#target} and {@link Builder#context} are required too.
     */
    public static Builder builder(DraftKind kind, String recipientName) {
        return new Builder(kind, recipientName);
    }

    /** Which email. */
    public DraftKind kind() {
        return kind;
    }

    /** Whom this email is to. */
    public String recipientName() {
        return recipientName;
    }

    /** The person who asked for the introduction. */
    public String requesterName() {
        return requesterName;
    }

    /** Their title, or {@code null}. */
    public @Nullable String requesterTitle() {
        return requesterTitle;
    }

    /** Their company. */
    public String requesterCompany() {
        return requesterCompany;
    }

    /** The person to be introduced to. */
    public String targetName() {
        return targetName;
    }

    /** Their title, or {@code null}. */
    public @Nullable String targetTitle() {
        return targetTitle;
    }

    /** Their company. */
    public String targetCompany() {
        return targetCompany;
    }

    /** The person making the introduction, or {@code null}. */
    public @Nullable String introducerName() {
        return introducerName;
    }

    /** Why these two should talk, as the requester wrote it. */
    public String context() {
        return context;
    }

    /** What the SDK adds: shared tags, a navigator explanation, overlap counts when sharing allows. */
    public List<String> sharedFacts() {
        return sharedFacts;
    }

    /** The consent link to accept, for consent asks and reminders, or {@code null}. */
    public @Nullable String acceptUrl() {
        return acceptUrl;
    }

    /** The consent link to decline, or {@code null}. */
    public @Nullable String declineUrl() {
        return declineUrl;
    }

    /** The reason the decliner chose to share, for decline notices, or {@code null}. */
    public @Nullable String declineReason() {
        return declineReason;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DraftRequest that && kind == that.kind && recipientName.equals(that.recipientName)
                && requesterName.equals(that.requesterName) && Objects.equals(requesterTitle, that.requesterTitle)
                && requesterCompany.equals(that.requesterCompany) && targetName.equals(that.targetName)
                && Objects.equals(targetTitle, that.targetTitle) && targetCompany.equals(that.targetCompany)
                && Objects.equals(introducerName, that.introducerName) && context.equals(that.context)
                && sharedFacts.equals(that.sharedFacts) && Objects.equals(acceptUrl, that.acceptUrl)
                && Objects.equals(declineUrl, that.declineUrl) && Objects.equals(declineReason, that.declineReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, recipientName, requesterName, requesterTitle, requesterCompany, targetName,
                targetTitle, targetCompany, introducerName, context, sharedFacts, acceptUrl, declineUrl,
                declineReason);
    }

    /** The kind and the parties; never the consent links, which are bearer tokens. */
    @Override
    public String toString() {
        return "DraftRequest[" + kind + " to " + recipientName + ": " + requesterName + " (" + requesterCompany
                + ") and " + targetName + " (" + targetCompany + ")]";
    }

    /** Builds a {@link DraftRequest}; {@link #build()} validates. */
    public static final class Builder {
        private final DraftKind kind;
        private final String recipientName;
        private @Nullable String requesterName;
        private @Nullable String requesterTitle;
        private @Nullable String requesterCompany;
        private @Nullable String targetName;
        private @Nullable String targetTitle;
        private @Nullable String targetCompany;
        private @Nullable String introducerName;
        private @Nullable String context;
        private List<String> sharedFacts = List.of();
        private @Nullable String acceptUrl;
        private @Nullable String declineUrl;
        private @Nullable String declineReason;

        private Builder(DraftKind kind, String recipientName) {
            this.kind = kind;
            this.recipientName = recipientName;
        }

        /** Who asked for the introduction: name, title or {@code null}, company (required). */
        public Builder requester(String name, @Nullable String title, String company) {
            this.requesterName = name;
            this.requesterTitle = title;
            this.requesterCompany = company;
            return this;
        }

        /** Whom the requester would meet: name, title or {@code null}, company (required). */
        public Builder target(String name, @Nullable String title, String company) {
            this.targetName = name;
            this.targetTitle = title;
            this.targetCompany = company;
            return this;
        }

        /** The person making the introduction, if any. */
        public Builder introducer(@Nullable String name) {
            this.introducerName = name;
            return this;
        }

        /** Why these two should talk, as the requester wrote it (required). */
        public Builder context(String context) {
            this.context = context;
            return this;
        }

        /** Facts the SDK adds (default none). */
        public Builder sharedFacts(List<String> facts) {
            this.sharedFacts = facts;
            return this;
        }

        /** The consent links of a consent ask or a reminder. */
        public Builder consentLinks(@Nullable String acceptUrl, @Nullable String declineUrl) {
            this.acceptUrl = acceptUrl;
            this.declineUrl = declineUrl;
            return this;
        }

        /** The reason the decliner chose to share, for a decline notice. */
        public Builder declineReason(@Nullable String reason) {
            this.declineReason = reason;
            return this;
        }

        /** Validates and builds. */
        public DraftRequest build() {
            return new DraftRequest(this);
        }
    }
}
