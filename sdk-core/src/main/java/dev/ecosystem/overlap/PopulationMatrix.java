package dev.ecosystem.overlap;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Overlap counts of a partnership: my populations (rows) by the partner's populations that the partner does not
 * hide (columns). A count is the number of matched companies (one per shared registrable domain, one per name match)
 * with an account of mine in the row population and one of the partner's in the column population. Columns the
 * partner shares as counts only are noised unless its policy says {@link SharingPolicy#exactCounts()} (see
 * {@link SharingPolicy} for the guarantee); columns it shares as records are exact.
 *
 * @param partner the partner company
 * @param mine the acting company's populations, in row order
 * @param theirs the partner's visible populations, in column order
 * @param cells every cell, row by row
 */
public record PopulationMatrix(CompanyId partner, List<Population> mine, List<Population> theirs, List<Cell> cells) {
    /** Copies the lists. */
    public PopulationMatrix {
        Checks.required(partner, "partner");
        mine = List.copyOf(mine);
        theirs = List.copyOf(theirs);
        cells = List.copyOf(cells);
    }

    /**
     * The cell of two populations.
     *
     * @throws ValidationException when either is not a row or column of this matrix
     */
    public Cell cell(Population my, Population their) {
        int row = mine.indexOf(my);
        int column = theirs.indexOf(their);
        if (row < 0 || column < 0) {
            throw new ValidationException("population pair (" + my + ", " + their + ") is not in this matrix; rows are "
                    + mine + " and columns " + theirs);
        }
        return cells.get(row * theirs.size() + column);
    }

    /** The matrix as a text table; suppressed counts show as {@code <n}. */
    public String render() {
        StringBuilder text = new StringBuilder(String.format("%-22s", "mine \\ " + partner));
        theirs.forEach(column -> text.append(String.format("%20s", column)));
        text.append('\n');
        for (Population row : mine) {
            text.append(String.format("%-22s", row));
            for (Population column : theirs) {
                Cell cell = cell(row, column);
                text.append(String.format("%20s", cell.count() == null ? "<" + cell.minimum() : cell.count()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * One cell.
     *
     * @param mine my population
     * @param theirs the partner's population
     * @param count the overlap count (noisy in a counts-only column), or {@code null} when it is below the partner's
     *     minimum and suppressed, or when the counts-only releases of this period are used up
     * @param minimum the partner's minimum count (0 when none)
     */
    public record Cell(Population mine, Population theirs, @Nullable Long count, int minimum) {
    }
}
