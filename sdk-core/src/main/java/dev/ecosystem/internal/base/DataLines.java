package dev.ecosystem.internal.base;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the data files the SDK ships (generic domains, name rules): one entry a line, {@code #} starting a comment. */
public final class DataLines {
    private DataLines() {
    }

    /**
     * The lines of the resource {@code resource} beside {@code anchor}, stripped, without comments and blank lines.
     *
     * @param what what the file holds, for the error when it is missing
     */
    public static List<String> read(Class<?> anchor, String resource, String what) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the SDK's " + what + " (" + resource + ") is missing from its jar");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String text = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!text.isEmpty()) {
                    lines.add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the SDK's " + what, e);
        }
        return lines;
    }
}
