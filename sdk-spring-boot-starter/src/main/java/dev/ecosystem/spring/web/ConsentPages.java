package dev.ecosystem.spring.web;

import com.google.common.html.HtmlEscapers;
import dev.ecosystem.intro.ConsentView;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The consent page's HTML: the form, the thank-you page and the one generic refusal page. Plain HTML forms, no
 * script, one inline style block (allowed by its hash in the CSP). Every value from the store or the request goes
 * through Guava's HTML escaper, which escapes quotes too, so it is safe in text and in attribute values.
 */
final class ConsentPages {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.5;color:#1d1d1f}h1{font-size:1.4rem}blockquote{margin:1rem 0;"
            + "padding:.5rem 1rem;border-left:3px solid #ccc;background:#f6f6f6}button{font-size:1rem;"
            + "padding:.5rem 1.2rem}textarea{width:100%}.muted{color:#666}";

    /**
     * The strict policy of every page: nothing may load; only the inline style block with this exact content
     * applies; forms post back to this site only; no framing, no base URL changes.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(STYLE)
            + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** The headers of every consent page response, whatever its status. */
    static final Map<String, String> HEADERS = headers();

    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ConsentPages() {
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Cache-Control", "no-store");
        headers.put("Pragma", "no-cache");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        return Map.copyOf(headers);
    }

    /** The page that shows what the link asks, with the form that answers it. */
    static String form(ConsentView view, String action, String token, String nonce,
            @Nullable SecurityCsrfField csrf) {
        StringBuilder body = new StringBuilder();
        boolean accept = view.decision() == ConsentStatus.ACCEPTED;
        body.append("<h1>").append(accept ? "Accept this introduction?" : "Decline this introduction?")
                .append("</h1>\n");
        body.append("<p>Hello ").append(e(view.recipientName())).append(",</p>\n<p>");
        if (view.party() == IntroParty.TARGET) {
            body.append("<strong>").append(e(view.requesterName())).append("</strong>")
                    .append(view.requesterTitle() == null ? "" : " (" + e(view.requesterTitle()) + ")")
                    .append(" at <strong>").append(e(view.requesterCompany()))
                    .append("</strong> would like to be introduced to you at ").append(e(view.targetCompany()))
                    .append('.');
        } else {
            body.append("You asked to be introduced to ")
                    .append(view.targetName() == null ? "a contact" : e(view.targetName()))
                    .append(" at <strong>").append(e(view.targetCompany())).append("</strong>.");
        }
        if (view.introducerName() != null) {
            body.append(' ').append(e(view.introducerName())).append(" is making the introduction.");
        }
        body.append("</p>\n<p>Why:</p>\n<blockquote>").append(e(view.context())).append("</blockquote>\n");
        if (!view.sharedFacts().isEmpty()) {
            body.append("<ul>\n");
            view.sharedFacts().forEach(fact -> body.append("<li>").append(e(fact)).append("</li>\n"));
            body.append("</ul>\n");
        }
        body.append("<p class=\"muted\">You can answer until ").append(e(UNTIL.format(view.expiresAt())))
                .append(".</p>\n");
        body.append("<form method=\"post\" action=\"").append(e(action)).append("\">\n")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(e(token)).append("\">\n")
                .append("<input type=\"hidden\" name=\"nonce\" value=\"").append(e(nonce)).append("\">\n");
        if (csrf != null) {
            body.append("<input type=\"hidden\" name=\"").append(e(csrf.name())).append("\" value=\"")
                    .append(e(csrf.value())).append("\">\n");
        }
        if (accept) {
            body.append("<button type=\"submit\" name=\"answer\" value=\"accept\">Yes, introduce us</button>\n");
        } else {
            body.append("<p><label for=\"reason\">Why not? (optional)</label><br>\n")
                    .append("<textarea id=\"reason\" name=\"reason\" rows=\"4\" maxlength=\"2000\"></textarea></p>\n")
                    .append("<p><label><input type=\"checkbox\" name=\"share\" value=\"true\"> Share my reason with ")
                    .append(view.party() == IntroParty.TARGET ? e(view.requesterName()) : "the introducer")
                    .append("</label></p>\n")
                    .append("<button type=\"submit\" name=\"answer\" value=\"decline\">No, thank you</button>\n");
        }
        body.append("</form>\n");
        return page(accept ? "Accept introduction" : "Decline introduction", body.toString());
    }

    /** The page after an answer was taken. */
    static String answered(Introduction intro, ConsentStatus decision) {
        String text;
        if (decision == ConsentStatus.DECLINED) {
            text = "<h1>You declined</h1>\n<p>Thank you for answering. Nobody will be introduced.</p>";
        } else if (intro.status() == IntroductionStatus.CONNECTED) {
            text = "<h1>You accepted</h1>\n<p>Thank you. Everyone has agreed: the introduction email is on its "
                    + "way.</p>";
        } else {
            text = "<h1>You accepted</h1>\n<p>Thank you. The introduction is made once everyone has agreed.</p>";
        }
        return page("Thank you", text + "\n");
    }

    /** The one page for every link that cannot be used: it says nothing about why. */
    static String refused() {
        return page("Link cannot be used", "<h1>This link cannot be used</h1>\n<p>It may have expired, been used "
                + "already, or been copied incompletely. If you still want to answer, ask the person who wrote to "
                + "you for a new introduction.</p>\n");
    }

    /** The page for a form that was not shown by this site to this browser, or is too old. */
    static String staleForm() {
        return page("Please open the link again", "<h1>Please open the link again</h1>\n<p>This form has expired "
                + "or did not come from this page. Open the link in your email again and answer there.</p>\n");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + e(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body
                + "</body>\n</html>\n";
    }

    private static String e(@Nullable String text) {
        return text == null ? "" : HtmlEscapers.htmlEscaper().escape(text);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
