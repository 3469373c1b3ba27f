package dev.ecosystem.attribution;

import static dev.ecosystem.attribution.ScorecardPage.esc;
import static dev.ecosystem.attribution.ScorecardPage.money;

import dev.ecosystem.model.CommissionLine;

/** Renders a {@link CommissionStatement} as one HTML page with inline CSS; every text goes through {@code esc}. */
final class StatementPage {
    private final CommissionStatement statement;
    private final String partnerName;
    private final StringBuilder html = new StringBuilder(8_192);

    StatementPage(CommissionStatement statement, String partnerName) {
        this.statement = statement;
        this.partnerName = partnerName;
    }

    String render() {
        String title = "Commission statement: " + partnerName + ", " + statement.period().label();
        ScorecardPage.head(html, title);
        html.append("<p>").append(esc(statement.period().start() + " to " + statement.period().end().minusDays(1)
                + ", plan " + statement.plan() + ", status " + statement.status())).append("</p>");
        html.append("<table><tr><th>Day</th><th>Line</th><th>Deal</th><th>Base</th><th>Rate</th><th>Commission</th>"
                + "<th>Payable on</th><th>Note</th></tr>");
        for (CommissionLine line : statement.lines()) {
            html.append("<tr>");
            cell(line.day().toString(), false);
            cell(line.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), false);
            cell(line.deal().value(), false);
            cell(money(line.base()), true);
            cell(line.rate().toPlainString() + " %", true);
            cell(money(line.amount()), true);
            cell(line.payableOn().toString(), false);
            cell(line.note() == null ? "" : line.note(), false);
            html.append("</tr>");
        }
        html.append("</table>");
        html.append("<p><strong>Total: ").append(esc(money(statement.total()))).append("</strong>, payable from ")
                .append(esc(statement.heldUntil().toString())).append("</p>");
        html.append("</body></html>\n");
        return html.toString();
    }

    private void cell(String text, boolean number) {
        html.append(number ? "<td class=\"n\">" : "<td>").append(esc(text)).append("</td>");
    }
}
