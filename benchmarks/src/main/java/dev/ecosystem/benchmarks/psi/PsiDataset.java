package dev.ecosystem.benchmarks.psi;

import dev.ecosystem.benchmarks.overlap.AccountLists;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Two parties' sets of normalized registrable domains (the account-mapping keys), generated deterministically from
 * a seed: each side has {@code size} distinct domains, 20% of the responder's domains are also the initiator's, and
 * both lists are shuffled so the shared ones sit at unrelated positions.
 *
 * @param initiator the initiator's domains (psi.js's client: the side that learns the result)
 * @param responder the responder's domains (psi.js's server)
 */
public record PsiDataset(List<String> initiator, List<String> responder) {
    /** The share of each side's elements that the other side has too. */
    public static final double OVERLAP = 0.2;

    /** Copies both lists. */
    public PsiDataset {
        initiator = List.copyOf(initiator);
        responder = List.copyOf(responder);
    }

    /**
     * Generates the sets.
     *
     * @param size elements per side, at least 5
     * @param seed the shuffle seed
     */
    public static PsiDataset generate(int size, long seed) {
        if (size < 5) {
            throw new IllegalArgumentException("size must be at least 5, but was " + size);
        }
        int overlap = (int) (size * OVERLAP);
        List<String> initiator = new ArrayList<>(size);
        List<String> responder = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            initiator.add(AccountLists.company(i));
        }
        for (int i = 0; i < size; i++) {
            // the first `overlap` are initiator companies spread over its list; the rest are beyond its range
            responder.add(AccountLists.company(i < overlap ? (long) i * 5 + 3 : (long) size + i));
        }
        Random random = new Random(seed);
        Collections.shuffle(initiator, random);
        Collections.shuffle(responder, random);
        return new PsiDataset(initiator, responder);
    }

    /** The elements per side (both sides have the same number). */
    public int size() {
        return initiator.size();
    }

    /** The oracle: the plain intersection of the two sets, by a {@link HashSet}. */
    public Set<String> plainIntersection() {
        Set<String> shared = new HashSet<>(initiator);
        shared.retainAll(new HashSet<>(responder));
        return shared;
    }

    /** Writes each side's elements, one a line, to {@code initiatorFile} and {@code responderFile}. */
    public void write(Path initiatorFile, Path responderFile) throws IOException {
        Files.write(initiatorFile, initiator, StandardCharsets.UTF_8);
        Files.write(responderFile, responder, StandardCharsets.UTF_8);
    }
}
