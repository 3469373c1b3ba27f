package dev.ecosystem.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.mail.internal.Http;
import dev.ecosystem.spi.DraftRequest;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's reply before it can become an email: a JSON object with a single-line {@code subject} and a
 * {@code text} of bounded length, no line that looks like a mail header, no link the introduction did not supply,
 * and the consent links present where the email needs them.
 */
final class DraftReplyValidator {
    static final int MAX_SUBJECT = 150;
    private static final Pattern FENCE = Pattern.compile("(?s)^```(?:json)?\\s*(.*?)\\s*```$");
    private static final Pattern HEADER_LINE = Pattern.compile("(?im)^\\s*(to|cc|bcc|from|subject|reply-to|sender|date"
            + "|message-id|in-reply-to|references|content-type|content-transfer-encoding|mime-version|x-[a-z0-9-]+)"
            + "\\s*:");
    static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'`]+");
    private static final Pattern OTHER_SCHEME = Pattern.compile("(?i)\\b(?:mailto|javascript|data|file|ftp|tel|sms):");

    private final int maxText;

    DraftReplyValidator(int maxText) {
        this.maxText = maxText;
    }

    /** A reply that passed every check. */
    record Checked(String subject, String text, Set<String> links) {
    }

    /** Thrown with the reason a reply was refused; the drafter falls back and reports the reason. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    Checked check(String content, DraftRequest request) throws Refused {
        JsonNode reply = parse(content);
        if (reply == null || !reply.isObject() || !reply.path("subject").isTextual() || !reply.path("text").isTextual()) {
            throw new Refused("the reply was not a JSON object with string fields subject and text");
        }
        String subject;
        try {
            subject = Checks.singleLine(reply.get("subject").asText(), "subject", MAX_SUBJECT);
        } catch (ValidationException e) {
            throw new Refused("the subject was blank, longer than " + MAX_SUBJECT + " characters or multi-line");
        }
        String text = reply.get("text").asText().strip().replace("\r\n", "\n");
        if (text.isEmpty() || text.length() > maxText) {
            throw new Refused("the text had " + text.length() + " characters; 1 to " + maxText + " are allowed");
        }
        checkLines(subject);
        checkLines(text);
        Set<String> allowed = allowedLinks(request);
        Set<String> used = links(subject + "\n" + text);
        for (String link : used) {
            if (!allowed.contains(link)) {
                throw new Refused("the reply contained a link the introduction did not give: " + Checks.quote(link));
            }
        }
        for (String required : new String[] {request.acceptUrl(), request.declineUrl()}) {
            if (required != null && !used.contains(required)) {
                throw new Refused("the reply left out a consent link the email must carry");
            }
        }
        return new Checked(subject, text, used);
    }

    /** The JSON of a reply, without the Markdown fence a local model may wrap it in. */
    static JsonNode parse(String content) throws Refused {
        String json = content.strip();
        Matcher fence = FENCE.matcher(json);
        if (fence.matches()) {
            json = fence.group(1);
        }
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new Refused("the reply was not valid JSON");
        }
    }

    /** Refuses text with a line that looks like a mail header, or a link scheme other than http(s). */
    static void checkLines(String part) throws Refused {
        if (HEADER_LINE.matcher(part).find()) {
            throw new Refused("the reply contained a line that looks like a mail header");
        }
        if (OTHER_SCHEME.matcher(part).find()) {
            throw new Refused("the reply contained a link scheme other than http(s)");
        }
    }

    /** The links a draft may contain: the consent links and any link in the context or shared facts. */
    static Set<String> allowedLinks(DraftRequest request) {
        Set<String> allowed = new LinkedHashSet<>();
        if (request.acceptUrl() != null) {
            allowed.add(request.acceptUrl());
        }
        if (request.declineUrl() != null) {
            allowed.add(request.declineUrl());
        }
        allowed.addAll(links(request.context()));
        for (String fact : request.sharedFacts()) {
            allowed.addAll(links(fact));
        }
        return allowed;
    }

    static Set<String> links(String text) {
        Set<String> links = new LinkedHashSet<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(trimPunctuation(matcher.group()));
        }
        return links;
    }

    private static String trimPunctuation(String link) {
        int end = link.length();
        while (end > 0 && ".,;:!?)]}".indexOf(link.charAt(end - 1)) >= 0) {
            end--;
        }
        return link.substring(0, end);
    }
}
