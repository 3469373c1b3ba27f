package dev.ecosystem.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.BriefSection;
import dev.ecosystem.spi.BriefRequest;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's brief before it can be stored: a JSON object with a single-line {@code title} and a non-blank
 * text of bounded length for every section, no line that looks like a mail header (a brief is sent by email), no link
 * at all (the program's terms carry none), every commission rate of the terms stated, no rate the terms do not have,
 * and the protection window's days where the terms have one.
 */
final class BriefReplyValidator {
    static final int MAX_TITLE = 150;
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:%|percent)");

    private final int maxSection;

    BriefReplyValidator(int maxSection) {
        this.maxSection = maxSection;
    }

    /** A reply that passed every check. */
    record Checked(String title, Map<BriefSection, String> sections) {
    }

    Checked check(String content, BriefRequest request) throws DraftReplyValidator.Refused {
        JsonNode reply = DraftReplyValidator.parse(content);
        if (reply == null || !reply.isObject() || !reply.path("title").isTextual()
                || !reply.path("sections").isObject()) {
            throw new DraftReplyValidator.Refused("the reply was not a JSON object with a string title and an "
                    + "object of sections");
        }
        String title;
        try {
            title = Checks.singleLine(reply.get("title").asText(), "title", MAX_TITLE);
        } catch (ValidationException e) {
            throw new DraftReplyValidator.Refused("the title was blank, longer than " + MAX_TITLE
                    + " characters or multi-line");
        }
        DraftReplyValidator.checkLines(title);
        Map<BriefSection, String> sections = new EnumMap<>(BriefSection.class);
        StringBuilder all = new StringBuilder(title);
        for (BriefSection section : BriefSection.values()) {
            JsonNode node = reply.get("sections").get(section.name());
            if (node == null || !node.isTextual()) {
                throw new DraftReplyValidator.Refused("the reply had no text for the section " + section.name());
            }
            String text = node.asText().strip().replace("\r\n", "\n");
            if (text.isEmpty() || text.length() > maxSection) {
                throw new DraftReplyValidator.Refused("the section " + section.name() + " had " + text.length()
                        + " characters; 1 to " + maxSection + " are allowed");
            }
            DraftReplyValidator.checkLines(text);
            sections.put(section, text);
            all.append('\n').append(text);
        }
        if (!DraftReplyValidator.links(all.toString()).isEmpty()) {
            throw new DraftReplyValidator.Refused("the reply contained a link, and the program's terms give none");
        }
        // The loop above put every section or refused the reply.
        checkRates(request, Objects.requireNonNull(sections.get(BriefSection.COMMISSION)), all.toString());
        if (request.protectionDays() > 0 && !Objects.requireNonNull(sections.get(BriefSection.HOW_TO_REGISTER))
                .contains(Long.toString(request.protectionDays()))) {
            throw new DraftReplyValidator.Refused("the section HOW_TO_REGISTER left out the protection window of "
                    + request.protectionDays() + " days");
        }
        return new Checked(title, sections);
    }

    /**
     * Every rate of the plan in the commission section, and no rate anywhere that neither the plan nor the value
     * proposition has.
     */
    private static void checkRates(BriefRequest request, String commission, String all)
            throws DraftReplyValidator.Refused {
        Set<String> plan = rates(String.join("\n", request.commission()));
        Set<String> stated = rates(commission);
        for (String rate : plan) {
            if (!stated.contains(rate)) {
                throw new DraftReplyValidator.Refused("the section COMMISSION left out the rate " + rate + "%");
            }
        }
        Set<String> known = new LinkedHashSet<>(plan);
        known.addAll(rates(request.valueProposition()));
        for (String rate : rates(all)) {
            if (!known.contains(rate)) {
                throw new DraftReplyValidator.Refused("the reply stated a rate the program does not have: " + rate
                        + "%");
            }
        }
    }

    /** The percentages in {@code text}, as plain numbers without trailing zeros ({@code 7.50%} is {@code 7.5}). */
    static Set<String> rates(String text) {
        Set<String> rates = new LinkedHashSet<>();
        Matcher matcher = PERCENT.matcher(text);
        while (matcher.find()) {
            rates.add(new BigDecimal(matcher.group(1)).stripTrailingZeros().toPlainString());
        }
        return rates;
    }
}
