package dev.ecosystem.attribution;

import java.util.Arrays;

/** A run's credits as parallel primitive arrays, in deal order then partner order. */
final class Credits {
    private int size;
    private int[] deal;
    private int[] partner;
    private long[] minor;

    Credits(int capacity) {
        deal = new int[capacity];
        partner = new int[capacity];
        minor = new long[capacity];
    }

    void add(int d, int p, long amount) {
        if (size == deal.length) {
            int grown = size + (size >> 1) + 16;
            deal = Arrays.copyOf(deal, grown);
            partner = Arrays.copyOf(partner, grown);
            minor = Arrays.copyOf(minor, grown);
        }
        deal[size] = d;
        partner[size] = p;
        minor[size] = amount;
        size++;
    }

    int size() {
        return size;
    }

    int deal(int i) {
        return deal[i];
    }

    int partner(int i) {
        return partner[i];
    }

    long minor(int i) {
        return minor[i];
    }
}
