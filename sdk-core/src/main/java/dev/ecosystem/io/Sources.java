package dev.ecosystem.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.error.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Opening files and describing where in them something went wrong. */
final class Sources {
    private static final Pattern EMBEDDED_LOCATION = Pattern.compile(
            "\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    private Sources() {
    }

    /** Opens the file as UTF-8, applies {@code work} and closes it. */
    static <T> T read(Path file, Function<Reader, T> work) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return work.apply(reader);
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /** The name messages use for a file: its file name. */
    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** The error for a source that could not be read (as opposed to one that was read and is wrong). */
    static EcosystemException unreadable(String source, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ValidationException(source + " does not exist", e);
        }
        if (e instanceof CharacterCodingException) {
            return new ValidationException(source + " must be UTF-8 text, but has bytes that are not", e);
        }
        return new EcosystemException(source + " could not be read: " + e, e);
    }

    /**
     * What the parser said, without the locations it embeds ({@code [Source: ...; line: 2, column: 1]} becomes
     * {@code line 2, column 1}): the message names the source itself.
     */
    static String parserMessage(JsonProcessingException e) {
        return EMBEDDED_LOCATION.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("line $1, column $2");
    }

    /** {@code " line 7"} for a known location, or the empty string. */
    static String line(@Nullable JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " line " + location.getLineNr();
    }
}
