package dev.ecosystem.intro;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.internal.base.Html;
import dev.ecosystem.spi.Draft;
import dev.ecosystem.spi.DraftKind;
import dev.ecosystem.spi.DraftRequest;
import dev.ecosystem.spi.IntroDrafter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link IntroDrafter}: fixed, friendly English templates filled with the request's fields. Needs no
 * network and never fails for a valid request; pass it as the fallback of an AI drafter. All user text is escaped in
 * the HTML body; only the consent links become anchors.
 *
 * <pre>{@code
 * IntroDrafter drafter = TemplateIntroDrafter.create();
 * Draft draft = drafter.draft(request);
 * }</pre>
 */
public final class TemplateIntroDrafter implements IntroDrafter {
    private static final TemplateIntroDrafter INSTANCE = new TemplateIntroDrafter();

    private TemplateIntroDrafter() {
    }

    /** The drafter (stateless, shared). */
    public static TemplateIntroDrafter create() {
        return INSTANCE;
    }

    @Override
    public Draft draft(DraftRequest request) {
        Checks.required(request, "request");
        List<String> links = new ArrayList<>();
        String subject;
        StringBuilder text = new StringBuilder();
        text.append("Hi ").append(request.recipientName()).append(",\n\n");
        switch (request.kind()) {
            case CONSENT_ASK, REMINDER -> subject = ask(request, text, links);
            case JOINT_INTRODUCTION -> subject = joint(request, text);
            case DECLINE_NOTICE -> subject = declined(request, text);
            default -> throw new IllegalStateException("unknown kind " + request.kind());
        }
        return new Draft(subject, text.toString(), Html.fromText(text.toString(), links), null);
    }

    private static String ask(DraftRequest r, StringBuilder text, List<String> links) {
        boolean toRequester = r.recipientName().equals(r.requesterName()) && !r.targetName().equals(r.requesterName());
        String other = toRequester ? person(r.targetName(), r.targetTitle(), r.targetCompany())
                : person(r.requesterName(), r.requesterTitle(), r.requesterCompany());
        boolean reminder = r.kind() == DraftKind.REMINDER;
        if (reminder) {
            text.append("A gentle reminder about the introduction below, in case it got buried.\n\n");
        }
        if (r.introducerName() != null) {
            text.append(r.introducerName()).append(" would like to introduce you to ").append(other).append(".\n\n");
        } else {
            text.append(other).append(" would like to be introduced to you.\n\n");
        }
        text.append("Why you two should talk: ").append(r.context()).append("\n\n");
        facts(r, text);
        text.append("Nothing is shared and nobody is connected until you agree.\n\n");
        if (r.acceptUrl() != null && r.declineUrl() != null) {
            text.append("Yes, introduce us:\n").append(r.acceptUrl()).append("\n\n");
            text.append("No, thank you:\n").append(r.declineUrl()).append("\n\n");
            links.add(r.acceptUrl());
            links.add(r.declineUrl());
        }
        text.append("Thank you!\n");
        String otherName = toRequester ? r.targetName() + " (" + r.targetCompany() + ")"
                : r.requesterName() + " (" + r.requesterCompany() + ")";
        return (reminder ? "Reminder: introduction to " : "Introduction to ") + otherName + "?";
    }

    private static String joint(DraftRequest r, StringBuilder text) {
        text.setLength(0);
        text.append("Hi ").append(r.requesterName()).append(" and ").append(r.targetName()).append(",\n\n");
        text.append("You both agreed to be introduced, so here you are.\n\n");
        text.append(r.requesterName()).append(", meet ")
                .append(person(r.targetName(), r.targetTitle(), r.targetCompany())).append(".\n");
        text.append(r.targetName()).append(", meet ")
                .append(person(r.requesterName(), r.requesterTitle(), r.requesterCompany())).append(".\n\n");
        text.append("Why you two should talk: ").append(r.context()).append("\n\n");
        facts(r, text);
        text.append("I will leave it to you to take it from here.\n\n");
        text.append(r.introducerName() != null ? r.introducerName() : "Best regards").append('\n');
        return "Introduction: " + r.requesterName() + " (" + r.requesterCompany() + ") and " + r.targetName() + " ("
                + r.targetCompany() + ")";
    }

    private static String declined(DraftRequest r, StringBuilder text) {
        boolean toRequester = r.recipientName().equals(r.requesterName());
        if (toRequester) {
            text.append("Thank you for asking to be introduced to ").append(r.targetName()).append(" at ")
                    .append(r.targetCompany()).append(". It will not go ahead this time. That happens for many ")
                    .append("reasons, and it says nothing about you or your request.\n\n");
        } else {
            text.append("The introduction of ").append(r.requesterName()).append(" to ").append(r.targetName())
                    .append(" at ").append(r.targetCompany()).append(" will not go ahead this time.\n\n");
        }
        if (r.declineReason() != null && !r.declineReason().isBlank()) {
            text.append("They shared a note: \"").append(r.declineReason().strip()).append("\"\n\n");
        }
        text.append("Nothing further is needed from you.\n");
        return "Your introduction to " + r.targetName() + " (" + r.targetCompany() + ")";
    }

    private static void facts(DraftRequest r, StringBuilder text) {
        if (!r.sharedFacts().isEmpty()) {
            text.append("What you have in common:\n");
            r.sharedFacts().forEach(fact -> text.append("- ").append(fact).append('\n'));
            text.append('\n');
        }
    }

    private static String person(String name, @Nullable String title, String company) {
        return name + (title == null ? "" : ", " + title) + " at " + company;
    }

    @Override
    public String toString() {
        return "TemplateIntroDrafter";
    }
}
