package dev.ecosystem.attribution;

import com.google.common.html.HtmlEscapers;
import dev.ecosystem.intro.FunnelCounts;
import dev.ecosystem.model.Money;
import dev.ecosystem.referral.RegistrationCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Renders a {@link Scorecard} as one HTML page with inline CSS and SVG; every text goes through {@link #esc}. */
final class ScorecardPage {
    private static final int CHART_WIDTH = 720;
    private static final int CHART_HEIGHT = 220;

    private final Scorecard card;
    private final StringBuilder html = new StringBuilder(16_384);

    ScorecardPage(Scorecard card) {
        this.card = card;
    }

    String render() {
        String title = "Partner scorecard: " + card.partnerName() + ", " + card.period().label();
        head(html, title);
        html.append("<p>").append(esc(card.period().start() + " to " + card.period().end().minusDays(1)
                + ", generated on " + card.generatedOn())).append("</p>");
        html.append("<h2>Results</h2><table>");
        row("Sourced pipeline", money(card.sourcedPipeline()));
        row("Influenced pipeline", money(card.influencedPipeline()));
        row("Sourced revenue", money(card.sourcedRevenue()));
        row("Influenced revenue", money(card.influencedRevenue()));
        row("Deals created", Long.toString(card.dealsCreated()));
        row("Deals won", Long.toString(card.dealsWon()));
        row("Win rate", percent(card.winRate()));
        row("Average deal size", card.averageDealSize() == null ? "n/a"
                : amount(card.averageDealSize()) + " " + currency());
        row("Sales cycle", card.salesCycleDays() == null ? "n/a" : card.salesCycleDays().toPlainString() + " days");
        row("Customers retained after 6 months", percent(card.retention6Months()));
        row("Customers retained after 12 months", percent(card.retention12Months()));
        html.append("</table>");
        pipelineChart();
        funnelChart();
        registrations();
        html.append("</body></html>\n");
        return html.toString();
    }

    /**
     * Opens a page: doctype, a Content-Security-Policy that allows nothing but inline styles, the style sheet, and
     * {@code title} as the title and heading.
     */
    static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'\">")
                .append("<title>").append(esc(title)).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2933}")
                .append("table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid #ddd;"
                        + "text-align:left}td.n{text-align:right}h2{margin-top:2rem}")
                .append("</style></head><body>");
        html.append("<h1>").append(esc(title)).append("</h1>");
    }

    private void row(String label, String value) {
        html.append("<tr><th>").append(esc(label)).append("</th><td class=\"n\">").append(esc(value))
                .append("</td></tr>");
    }

    private void pipelineChart() {
        List<Scorecard.MonthlyPipeline> months = card.pipeline();
        html.append("<h2>Pipeline over time (").append(esc(currency())).append(")</h2>");
        BigDecimal max = BigDecimal.ONE;
        for (Scorecard.MonthlyPipeline m : months) {
            max = max.max(m.sourced().amount()).max(m.influenced().amount());
        }
        int slot = months.isEmpty() ? CHART_WIDTH : CHART_WIDTH / months.size();
        int bar = Math.max(2, slot / 3);
        int plot = CHART_HEIGHT - 40;
        html.append("<svg width=\"").append(CHART_WIDTH).append("\" height=\"")
                .append(CHART_HEIGHT).append("\" role=\"img\" aria-label=\"Sourced and influenced pipeline by month\">");
        for (int i = 0; i < months.size(); i++) {
            Scorecard.MonthlyPipeline m = months.get(i);
            int x = i * slot + slot / 6;
            barRect(x, bar, height(m.sourced().amount(), max, plot), plot, "#2f6fde",
                    m.month() + " sourced " + money(m.sourced()));
            barRect(x + bar, bar, height(m.influenced().amount(), max, plot), plot, "#f0a202",
                    m.month() + " influenced " + money(m.influenced()));
            html.append("<text x=\"").append(x).append("\" y=\"").append(plot + 16)
                    .append("\" font-size=\"10\">").append(esc(m.month().toString())).append("</text>");
        }
        html.append("<text x=\"0\" y=\"").append(CHART_HEIGHT - 4).append("\" font-size=\"11\" fill=\"#2f6fde\">")
                .append("&#9632; sourced</text><text x=\"90\" y=\"").append(CHART_HEIGHT - 4)
                .append("\" font-size=\"11\" fill=\"#f0a202\">&#9632; influenced</text></svg>");
    }

    private void barRect(int x, int width, int height, int baseline, String color, String tooltip) {
        html.append("<rect x=\"").append(x).append("\" y=\"").append(baseline - height).append("\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" fill=\"").append(color)
                .append("\"><title>").append(esc(tooltip)).append("</title></rect>");
    }

    private void funnelChart() {
        FunnelCounts f = card.introductions();
        String[] labels = {"Requested", "Consented", "Connected", "Declined", "Expired", "Cancelled", "Open"};
        long[] values = {f.requested(), f.consented(), f.connected(), f.declined(), f.expired(), f.cancelled(),
            f.open()};
        long max = Math.max(1, f.requested());
        for (long v : values) {
            max = Math.max(max, v);
        }
        html.append("<h2>Introductions</h2>");
        int rowHeight = 28;
        html.append("<svg width=\"").append(CHART_WIDTH).append("\" height=\"")
                .append(rowHeight * labels.length + 8).append("\" role=\"img\" aria-label=\"Introduction funnel\">");
        for (int i = 0; i < labels.length; i++) {
            int y = i * rowHeight + 4;
            int width = (int) Math.round((CHART_WIDTH - 220) * (double) values[i] / max);
            html.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"12\">").append(esc(labels[i]))
                    .append("</text><rect x=\"110\" y=\"").append(y).append("\" width=\"").append(width)
                    .append("\" height=\"20\" fill=\"").append(i < 3 ? "#2f9e6e" : "#b0b7c3").append("\"/>")
                    .append("<text x=\"").append(116 + width).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"12\">").append(values[i]).append("</text>");
        }
        html.append("</svg>");
        if (f.medianTimeToConnect() != null) {
            long hours = f.medianTimeToConnect().toHours();
            html.append("<p>").append(esc("Median time to connect: " + (hours >= 48 ? hours / 24 + " days"
                    : hours + " hours"))).append("</p>");
        }
    }

    private void registrations() {
        RegistrationCounts r = card.registrations();
        html.append("<h2>Referrals (deal registration)</h2><table><tr>");
        String[] labels = {"Submitted", "Accepted", "Rejected", "Won", "Lost", "Expired", "Open"};
        long[] values = {r.submitted(), r.accepted(), r.rejected(), r.won(), r.lost(), r.expired(), r.open()};
        for (String label : labels) {
            html.append("<th>").append(esc(label)).append("</th>");
        }
        html.append("</tr><tr>");
        for (long value : values) {
            html.append("<td>").append(value).append("</td>");
        }
        html.append("</tr></table>");
    }

    private static int height(BigDecimal value, BigDecimal max, int plot) {
        if (value.signum() <= 0) {
            return 0;
        }
        return Math.max(1, value.multiply(BigDecimal.valueOf(plot)).divide(max, 0, RoundingMode.HALF_UP).intValue());
    }

    private String currency() {
        return card.sourcedPipeline().currency().getCurrencyCode();
    }

    static String money(Money money) {
        return amount(money.amount()) + " " + money.currency().getCurrencyCode();
    }

    /** {@code 1234567.5} as {@code 1,234,567.50}: exact, BigDecimal formatting never goes through a double. */
    static String amount(BigDecimal value) {
        return String.format(Locale.ROOT, "%,." + Math.max(0, value.scale()) + "f", value);
    }

    private static String percent(@Nullable BigDecimal fraction) {
        return fraction == null ? "n/a"
                : fraction.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    /** Escapes text for HTML element content and quoted attribute values (Guava's HTML escaper). */
    static String esc(String text) {
        return HtmlEscapers.htmlEscaper().escape(text);
    }
}
