package dev.ecosystem.attribution;

import dev.ecosystem.model.AttributionModel;
import java.util.Arrays;

/**
 * Runs a model over the indexed data: per deal, selects the touches that count, weighs each partner, and shares the
 * deal's amount by the rounding rule of the package documentation. Works on the primitive index only; one instance
 * per run (it keeps scratch arrays), not thread-safe.
 */
final class Engine {
    private final AttributionData data;
    private final AttributionModel model;
    private final long lookbackMillis;

    private int[] selected = new int[16];
    private int[] dealPartners = new int[8];
    private long[] counts = new long[8];
    private double[] weights = new double[8];
    private long[] shares = new long[8];
    private double[] fractions = new double[8];
    private int partnerCount;

    Engine(AttributionData data, AttributionModel model, long lookbackMillis) {
        this.data = data;
        this.model = model;
        this.lookbackMillis = lookbackMillis;
    }

    /** Every deal's credits under the model, in deal order then partner order. */
    Credits run(long[] amounts) {
        Credits credits = new Credits(Math.max(16, amounts.length * 2));
        for (int d = 0; d < amounts.length; d++) {
            if (amounts[d] == 0) {
                continue;
            }
            int n = select(d);
            if (n == 0) {
                continue;
            }
            share(amounts[d], n);
            for (int j = 0; j < partnerCount; j++) {
                if (shares[j] != 0) {
                    credits.add(d, dealPartners[j], shares[j]);
                }
            }
        }
        return credits;
    }

    /** The touch rows of {@code partner} that earned it credit for deal {@code d}. */
    int[] trace(int d, int partner) {
        int n = select(d);
        int[] rows = new int[n];
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (data.touchPartner[selected[j]] == partner) {
                rows[k++] = selected[j];
            }
        }
        return Arrays.copyOf(rows, k);
    }

    /** Puts the rows of deal {@code d} that count under the model into {@code selected}; returns how many. */
    private int select(int d) {
        int from = data.touchStart[d];
        int to = data.touchStart[d + 1];
        if (selected.length < to - from) {
            selected = new int[Math.max(to - from, selected.length * 2)];
        }
        long created = data.createdAt[d];
        long earliest = created - lookbackMillis;
        long end = data.closeEnd[d];
        AttributionModel.Kind kind = model.kind();
        int n = 0;
        for (int row = from; row < to; row++) {
            long t = data.touchTime[row];
            if (t < earliest || t >= end
                    || kind == AttributionModel.Kind.SOURCED && !data.isSourced(row, d)
                    || kind == AttributionModel.Kind.INFLUENCED && t < created) {
                continue;
            }
            selected[n++] = row;
        }
        if (n > 1 && kind == AttributionModel.Kind.FIRST_TOUCH) {
            n = 1;
        } else if (n > 1 && kind == AttributionModel.Kind.LAST_TOUCH) {
            selected[0] = selected[n - 1];
            n = 1;
        }
        return n;
    }

    /** Weighs the partners of the {@code n} selected rows and shares {@code amount} among them. */
    private void share(long amount, int n) {
        partnerCount = 0;
        AttributionModel.Kind kind = model.kind();
        boolean exact = kind != AttributionModel.Kind.TIME_DECAY && kind != AttributionModel.Kind.POSITION_BASED;
        long lastTime = data.touchTime[selected[n - 1]];
        for (int j = 0; j < n; j++) {
            int p = slot(data.touchPartner[selected[j]]);
            switch (kind) {
                case SOURCED, INFLUENCED, FIRST_TOUCH, LAST_TOUCH -> counts[p] = 1;
                case LINEAR -> counts[p]++;
                case TIME_DECAY -> weights[p] += StrictMath.pow(2.0,
                        (data.touchTime[selected[j]] - lastTime) / (model.halfLifeSeconds() * 1000.0));
                case POSITION_BASED -> weights[p] += positionWeight(j, n);
                default -> throw new IllegalStateException(kind.name());
            }
        }
        if (exact) {
            shareExactly(amount);
        } else {
            shareByWeight(amount);
        }
    }

    private double positionWeight(int j, int n) {
        if (n == 1) {
            return 1;
        }
        if (n == 2) {
            return j == 0 ? model.first() : model.last();
        }
        return j == 0 ? model.first() : j == n - 1 ? model.last() : (1 - model.first() - model.last()) / (n - 2);
    }

    /** The slot of {@code partner} among the deal's partners, kept in ascending partner order; adds it if new. */
    private int slot(int partner) {
        int i = 0;
        while (i < partnerCount && dealPartners[i] < partner) {
            i++;
        }
        if (i < partnerCount && dealPartners[i] == partner) {
            return i;
        }
        if (partnerCount == dealPartners.length) {
            int size = partnerCount * 2;
            dealPartners = Arrays.copyOf(dealPartners, size);
            counts = Arrays.copyOf(counts, size);
            weights = Arrays.copyOf(weights, size);
            shares = Arrays.copyOf(shares, size);
            fractions = Arrays.copyOf(fractions, size);
        }
        System.arraycopy(dealPartners, i, dealPartners, i + 1, partnerCount - i);
        System.arraycopy(counts, i, counts, i + 1, partnerCount - i);
        System.arraycopy(weights, i, weights, i + 1, partnerCount - i);
        dealPartners[i] = partner;
        counts[i] = 0;
        weights[i] = 0;
        partnerCount++;
        return i;
    }

    /** Integer weights: exact floor shares, remainders compared exactly. */
    private void shareExactly(long amount) {
        long total = 0;
        for (int j = 0; j < partnerCount; j++) {
            total += counts[j];
        }
        long given = 0;
        try {
            for (int j = 0; j < partnerCount; j++) {
                long product = Math.multiplyExact(amount, counts[j]);
                shares[j] = Math.floorDiv(product, total);
                fractions[j] = Math.floorMod(product, total);
                given += shares[j];
            }
        } catch (ArithmeticException overflow) {
            for (int j = 0; j < partnerCount; j++) {
                weights[j] = counts[j];
            }
            shareByWeight(amount);
            return;
        }
        giveLeftovers(amount - given);
    }

    /** Real weights: floor of each share in double precision, then leftovers by largest fraction. */
    private void shareByWeight(long amount) {
        double total = 0;
        for (int j = 0; j < partnerCount; j++) {
            total += weights[j];
        }
        long given = 0;
        for (int j = 0; j < partnerCount; j++) {
            double exact = amount * (weights[j] / total);
            shares[j] = (long) Math.floor(exact);
            fractions[j] = exact - shares[j];
            given += shares[j];
        }
        giveLeftovers(amount - given);
    }

    /**
     * Gives {@code left} minor units one each to the largest fractions (ties: smaller partner id), or, should double
     * precision have overshot, takes them from the smallest fractions (ties: larger partner id).
     */
    private void giveLeftovers(long left) {
        while (left > 0) {
            int best = -1;
            for (int j = 0; j < partnerCount; j++) {
                if (fractions[j] >= 0 && (best < 0 || fractions[j] > fractions[best])) {
                    best = j;
                }
            }
            if (best < 0) {
                for (int j = 0; j < partnerCount; j++) {
                    fractions[j] = 0;
                }
                continue;
            }
            shares[best]++;
            fractions[best] = -1;
            left--;
        }
        while (left < 0) {
            int worst = -1;
            for (int j = partnerCount - 1; j >= 0; j--) {
                if (fractions[j] <= 1 && (worst < 0 || fractions[j] < fractions[worst])) {
                    worst = j;
                }
            }
            shares[worst]--;
            fractions[worst] = 2;
            left++;
        }
    }
}
