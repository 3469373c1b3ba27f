package dev.ecosystem.model;

import com.google.common.html.HtmlEscapers;

/**
 * Renders a {@link ProgramBrief} as one HTML page; every text goes through Guava's HTML escaper, as the scorecard page
 * and the introduction emails do, and the page's policy forbids loading anything.
 */
final class BriefPage {
    private BriefPage() {
    }

    static String render(ProgramBrief brief) {
        StringBuilder html = new StringBuilder(8_192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'\">")
                .append("<title>").append(esc(brief.title())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:46rem;color:#1f2933;"
                        + "line-height:1.5}h2{margin-top:1.6rem;font-size:1.2rem}")
                .append("</style></head><body>\n");
        html.append("<h1>").append(esc(brief.title())).append("</h1>\n");
        for (BriefSection section : BriefSection.values()) {
            html.append("<section><h2>").append(esc(section.heading())).append("</h2>\n");
            text(html, brief.section(section));
            html.append("</section>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** Paragraphs at blank lines, list items for lines that start with "- ", line breaks elsewhere. */
    private static void text(StringBuilder html, String text) {
        for (String paragraph : text.strip().split("\n\\s*\n")) {
            String[] lines = paragraph.strip().split("\n");
            boolean list = true;
            for (String line : lines) {
                list &= line.strip().startsWith("- ");
            }
            if (list) {
                html.append("<ul>");
                for (String line : lines) {
                    html.append("<li>").append(esc(line.strip().substring(2).strip())).append("</li>");
                }
                html.append("</ul>\n");
            } else {
                html.append("<p>");
                for (int i = 0; i < lines.length; i++) {
                    html.append(i == 0 ? "" : "<br>\n").append(esc(lines[i].strip()));
                }
                html.append("</p>\n");
            }
        }
    }

    private static String esc(String text) {
        return HtmlEscapers.htmlEscaper().escape(text);
    }
}
