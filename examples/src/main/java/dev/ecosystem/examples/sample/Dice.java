package dev.ecosystem.examples.sample;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Seeded draws for the sample data. Only {@link SplittableRandom} and {@link StrictMath} are used, so the same seed
 * gives the same data on every JVM and machine.
 */
final class Dice {
    private final SplittableRandom random;

    Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** A number from 0 (included) to 1 (excluded). */
    double unit() {
        return random.nextDouble();
    }

    /** Any element, all equally likely. */
    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** An element drawn with the given relative weights. */
    <T> T weighted(List<T> values, ToDoubleFunction<T> weight) {
        double total = 0;
        for (T value : values) {
            total += weight.applyAsDouble(value);
        }
        double at = random.nextDouble() * total;
        for (T value : values) {
            at -= weight.applyAsDouble(value);
            if (at < 0) {
                return value;
            }
        }
        return values.get(values.size() - 1);
    }

    /** An index drawn by running totals of weights, as {@link #cumulative} makes them, for many draws over one list. */
    int weightedIndex(double[] cumulative) {
        double at = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, at);
        return index >= 0 ? Math.min(index + 1, cumulative.length - 1) : -index - 1;
    }

    /** Running totals of the weights of the values. */
    static <T> double[] cumulative(List<T> values, ToDoubleFunction<T> weight) {
        double[] totals = new double[values.size()];
        double total = 0;
        for (int i = 0; i < totals.length; i++) {
            total += weight.applyAsDouble(values.get(i));
            totals[i] = total;
        }
        return totals;
    }

    /** An element drawn with Zipf-like skew: the element at rank {@code r} (from 0) has weight 1 / (r + 1)^s. */
    <T> T zipf(List<T> values, double s) {
        double total = 0;
        for (int rank = 0; rank < values.size(); rank++) {
            total += 1 / StrictMath.pow(rank + 1, s);
        }
        double at = random.nextDouble() * total;
        for (int rank = 0; rank < values.size(); rank++) {
            at -= 1 / StrictMath.pow(rank + 1, s);
            if (at < 0) {
                return values.get(rank);
            }
        }
        return values.get(values.size() - 1);
    }

    /** Up to {@code count} distinct elements not in {@code taken}, drawn with Zipf-like skew, added to it. */
    <T> List<T> zipfDistinct(List<T> values, double s, int count, Collection<T> taken) {
        List<T> drawn = new ArrayList<>();
        for (int attempt = 0; drawn.size() < count && attempt < count * 20; attempt++) {
            T value = zipf(values, s);
            if (!taken.contains(value)) {
                taken.add(value);
                drawn.add(value);
            }
        }
        return drawn;
    }

    /** Shuffles in place (Fisher-Yates). */
    <T> void shuffle(List<T> values) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = values.get(i);
            values.set(i, values.get(j));
            values.set(j, swap);
        }
    }

    /** Lower-case ASCII letters and digits of a name: {@code "Sørensen & O'Brien"} is {@code "sorensenobrien"}. */
    static String slug(String text) {
        return ascii(text).replaceAll("[^a-z0-9]", "");
    }

    /** The name with accents and special letters spelt in ASCII, lower case. */
    static String ascii(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("æ", "ae").replace("ł", "l");
        return plain.toLowerCase(Locale.ROOT);
    }
}
