package dev.ecosystem.psi;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Population;
import dev.ecosystem.overlap.PopulationMatrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What this side learned from a completed {@link PsiSession}: the overlap size of each (my population, their
 * population) pair and, in {@link PsiMode#INTERSECTION} mode, my keys that matched.
 *
 * <pre>{@code
 * PsiResult result = session.result();
 * long shared = result.count(Population.CUSTOMERS, Population.CUSTOMERS);
 * PopulationMatrix matrix = result.matrix(partnerId);
 * }</pre>
 */
public final class PsiResult {
    private final PsiMode mode;
    private final List<Population> mine;
    private final List<Population> theirs;
    private final long[][] counts;
    private final @Nullable List<List<Set<String>>> matched;

    PsiResult(PsiMode mode, List<Population> mine, List<Population> theirs, long[][] counts,
            @Nullable List<List<Set<String>>> matched) {
        this.mode = mode;
        this.mine = List.copyOf(mine);
        this.theirs = List.copyOf(theirs);
        this.counts = counts;
        this.matched = matched;
    }

    /** The mode the session ran in. */
    public PsiMode mode() {
        return mode;
    }

    /** My populations (matrix rows). */
    public List<Population> mine() {
        return mine;
    }

    /** The other side's populations (matrix columns), as it labelled its groups. */
    public List<Population> theirs() {
        return theirs;
    }

    /**
     * The number of my keys in population {@code mine} that the other side has in population {@code theirs}.
     *
     * @throws ValidationException when either population is not in the result
     */
    public long count(Population mine, Population theirs) {
        return counts[row(mine)][column(theirs)];
    }

    /**
     * My keys in population {@code mine} that the other side has in population {@code theirs}.
     *
     * @throws IllegalStateException in {@link PsiMode#CARDINALITY} mode, which reveals counts only
     * @throws ValidationException when either population is not in the result
     */
    public Set<String> matched(Population mine, Population theirs) {
        if (matched == null) {
            throw new IllegalStateException("matched keys are not known in CARDINALITY mode, which reveals only "
                    + "counts; run the session in INTERSECTION mode to learn them");
        }
        return matched.get(row(mine)).get(column(theirs));
    }

    /** The result as the account-mapping matrix with {@code partner}; no count is suppressed (minimum 0). */
    public PopulationMatrix matrix(CompanyId partner) {
        Checks.required(partner, "partner");
        List<PopulationMatrix.Cell> cells = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            for (int j = 0; j < theirs.size(); j++) {
                cells.add(new PopulationMatrix.Cell(mine.get(i), theirs.get(j), counts[i][j], 0));
            }
        }
        return new PopulationMatrix(partner, mine, theirs, cells);
    }

    private int row(Population population) {
        int index = mine.indexOf(Checks.required(population, "mine"));
        if (index < 0) {
            throw new ValidationException("mine must be one of my populations " + this.mine + ", but was "
                    + population);
        }
        return index;
    }

    private int column(Population population) {
        int index = theirs.indexOf(Checks.required(population, "theirs"));
        if (index < 0) {
            throw new ValidationException("theirs must be one of the other side's populations " + this.theirs
                    + ", but was " + population);
        }
        return index;
    }

    static List<List<Set<String>>> unmodifiable(List<List<Set<String>>> sets) {
        List<List<Set<String>>> rows = new ArrayList<>();
        for (List<Set<String>> row : sets) {
            List<Set<String>> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(Collections.unmodifiableSet(cell)));
            rows.add(List.copyOf(cells));
        }
        return List.copyOf(rows);
    }

    @Override
    public String toString() {
        return "PsiResult[mode=" + mode + ", mine=" + mine + ", theirs=" + theirs + "]";
    }
}
