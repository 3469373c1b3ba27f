package dev.ecosystem.psi;

import dev.ecosystem.internal.base.Checks;

/**
 * How a {@link PsiSession} runs. For an initiator these are what it asks for; for a responder, what it accepts: a
 * responder refuses a first message whose mode or output differ from its own.
 *
 * <pre>{@code
 * PsiOptions options = PsiOptions.builder()
 *         .mode(PsiMode.CARDINALITY)
 *         .output(PsiOutput.BOTH)
 *         .paddingBucket(1024)
 *         .threads(2)
 *         .build();
 * }</pre>
 */
public final class PsiOptions {
    /** The largest {@link Builder#maxElements} allowed. */
    public static final int MAX_ELEMENTS_LIMIT = 50_000_000;
    /** The largest {@link Builder#maxGroups} allowed: the wire format counts groups in 16 bits. */
    public static final int MAX_GROUPS_LIMIT = 65_535;

    private final PsiMode mode;
    private final PsiOutput output;
    private final int paddingBucket;
    private final int threads;
    private final int maxElements;
    private final int maxGroups;

    private PsiOptions(Builder builder) {
        this.mode = builder.mode;
        this.output = builder.output;
        this.paddingBucket = builder.paddingBucket;
        this.threads = builder.threads;
        this.maxElements = builder.maxElements;
        this.maxGroups = builder.maxGroups;
    }

    /**
     * A builder with the defaults: cardinality, both learn, no padding, one thread, at most 2,000,000 elements and 7
     * groups in a received set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults of {@link #builder()}. */
    public static PsiOptions defaults() {
        return builder().build();
    }

    /** What the learner learns. */
    public PsiMode mode() {
        return mode;
    }

    /** Who learns. */
    public PsiOutput output() {
        return output;
    }

    /** Each group of this side's set is padded with dummy points up to a multiple of this (1: no padding). */
    public int paddingBucket() {
        return paddingBucket;
    }

    /** Threads used for blinding (the calling thread plus {@code threads - 1} more). */
    public int threads() {
        return threads;
    }

    /** The most elements (after padding) this side sends or accepts in one set. */
    public int maxElements() {
        return maxElements;
    }

    /**
     * The most groups (combinations of populations) this side accepts in the other side's set. In
     * {@link PsiMode#CARDINALITY} mode the other side learns one count per group it sends, so this is also the most
     * keys whose membership it can learn in one session (see the package docs).
     */
    public int maxGroups() {
        return maxGroups;
    }

    @Override
    public String toString() {
        return "PsiOptions[mode=" + mode + ", output=" + output + ", paddingBucket=" + paddingBucket + ", threads="
                + threads + ", maxElements=" + maxElements + ", maxGroups=" + maxGroups + "]";
    }

    /** Builds {@link PsiOptions}; every setter validates at once. */
    public static final class Builder {
        private PsiMode mode = PsiMode.CARDINALITY;
        private PsiOutput output = PsiOutput.BOTH;
        private int paddingBucket = 1;
        private int threads = 1;
        private int maxElements = 2_000_000;
        private int maxGroups = 7;

        private Builder() {
        }

        /** What the learner learns; default {@link PsiMode#CARDINALITY}. */
        public Builder mode(PsiMode mode) {
            this.mode = Checks.required(mode, "mode");
            return this;
        }

        /** Who learns; default {@link PsiOutput#BOTH}. */
        public Builder output(PsiOutput output) {
            this.output = Checks.required(output, "output");
            return this;
        }

        /**
         * Pads each group of this side's set (the keys sharing one combination of populations) with random points
         * up to a multiple of {@code bucket}, so the other side learns sizes only to the bucket; 1 to 1,000,000,
         * default 1 (no padding).
         */
        public Builder paddingBucket(int bucket) {
            this.paddingBucket = Checks.range(bucket, 1, 1_000_000, "paddingBucket");
            return this;
        }

        /** Threads for blinding and checking points, 1 to 256; default 1. */
        public Builder threads(int threads) {
            this.threads = Checks.range(threads, 1, 256, "threads");
            return this;
        }

        /**
         * The most elements (after padding) this side sends or accepts in one set: a received set above it is refused
         * before any work; 1 to {@value #MAX_ELEMENTS_LIMIT}, default 2,000,000.
         */
        public Builder maxElements(int maxElements) {
            this.maxElements = Checks.range(maxElements, 1, MAX_ELEMENTS_LIMIT, "maxElements");
            return this;
        }

        /**
         * The most groups this side accepts in the other side's set: a set with more is refused as soon as its group
         * count is read, before any work; 1 to {@value #MAX_GROUPS_LIMIT}, default 7.
         *
         * <p>A learner in {@link PsiMode#CARDINALITY} mode gets one count per group it sent, so a party that puts a
         * single key in each group learns exactly which of those keys the other side holds: with this cap, at most
         * {@code maxGroups} keys per session (bound the sessions with {@link PsiSessionLimiter}). The default 7 is the
         * three standard populations plus an allowance of 4 for keys in several of them (a customer with an open
         * opportunity): 7 is every combination the three can form, so a {@link PsiSets#fromOverlaps} set with the
         * standard populations is never refused. Raise it when the other side has custom populations; the cap does not
         * apply to this side's own set.
         */
        public Builder maxGroups(int maxGroups) {
            this.maxGroups = Checks.range(maxGroups, 1, MAX_GROUPS_LIMIT, "maxGroups");
            return this;
        }

        /** The options. */
        public PsiOptions build() {
            return new PsiOptions(this);
        }
    }
}
