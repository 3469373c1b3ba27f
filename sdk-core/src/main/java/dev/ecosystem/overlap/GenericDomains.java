package dev.ecosystem.overlap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads the generic domains shipped with the SDK: one a line, {@code #} starting a comment. */
final class GenericDomains {
    private static final String RESOURCE = "generic-domains.txt";

    private GenericDomains() {
    }

    static Set<String> load() {
        InputStream in = GenericDomains.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the SDK's list of generic domains (" + RESOURCE + ") is missing from "
                    + "its jar");
        }
        Set<String> domains = new LinkedHashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int comment = line.indexOf('#');
                String domain = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!domain.isEmpty()) {
                    domains.add(domain);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the SDK's list of generic domains", e);
        }
        return Set.copyOf(domains);
    }
}
