package dev.ecosystem.internal.base;

import com.google.common.html.HtmlEscapers;
import java.util.Collection;

/** Plain text to safe HTML: every character of user text escaped, only the given links made clickable. */
public final class Html {
    private Html() {
    }

    /** Escapes the five characters that matter in HTML text and attribute values (Guava's HTML escaper). */
    public static String escape(String text) {
        return HtmlEscapers.htmlEscaper().escape(text);
    }

    /**
     * An HTML document for {@code text}: blank lines separate paragraphs, single newlines become line breaks, and
     * each of {@code links} (an http(s) URL the SDK made) becomes an anchor wherever it appears.
     */
    public static String fromText(String text, Collection<String> links) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
        for (String paragraph : text.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
            String escaped = escape(paragraph.strip()).replace("\n", "<br>\n");
            for (String link : links) {
                String safe = escape(link);
                escaped = escaped.replace(safe, "<a href=\"" + safe + "\">" + safe + "</a>");
            }
            html.append("<p>").append(escaped).append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }
}
