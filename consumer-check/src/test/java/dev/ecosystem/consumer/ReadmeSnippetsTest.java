package dev.ecosystem.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles every Java snippet of the project's README, read from the README itself, against the published modules,
 * so a snippet that no longer compiles fails the build. Each snippet carries a label in an HTML comment right above
 * it ({@code <!-- snippet: first-use -->}); the file {@code readme-snippets/<label>.java} among the test resources
 * declares what the snippet takes as given (the variables it uses without declaring them, with the types the prose
 * around it implies). A snippet that declares a type of its own is compiled as a file, its givens as more types
 * beside it; any other snippet becomes the body of a method, its givens the fields and methods of the class around
 * it. A snippet that starts with imports is compiled with those alone, as a reader would copy it.
 */
class ReadmeSnippetsTest {
    private static final Pattern SNIPPET = Pattern.compile(
            "(?:<!-- snippet: ([a-z0-9-]+) -->[ \\t]*\\n)?```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(?:public )?(?:abstract |final )?(?:class|record|interface|enum) (\\w+)", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:abstract |final )?(?:class|record|interface|enum) (\\w+)", Pattern.MULTILINE);
    /** Every API package of the published modules, as a reader who lets the IDE add imports has them. */
    private static final List<String> API_PACKAGES = List.of("dev.ecosystem", "dev.ecosystem.attribution",
            "dev.ecosystem.error", "dev.ecosystem.event", "dev.ecosystem.http", "dev.ecosystem.hubspot",
            "dev.ecosystem.intro", "dev.ecosystem.io", "dev.ecosystem.jdbc", "dev.ecosystem.ledger",
            "dev.ecosystem.mail", "dev.ecosystem.memory", "dev.ecosystem.model", "dev.ecosystem.navigator",
            "dev.ecosystem.overlap", "dev.ecosystem.partnership", "dev.ecosystem.payout", "dev.ecosystem.program",
            "dev.ecosystem.psi", "dev.ecosystem.referral", "dev.ecosystem.spi", "dev.ecosystem.testkit", "java.time",
            "java.time.temporal", "java.util", "java.util.concurrent", "java.nio.file", "com.zaxxer.hikari");

    record Snippet(String label, int line, String code) {
    }

    @Test
    void everySnippetIsLabelledOnce() throws IOException {
        List<Snippet> snippets = snippets();
        assertTrue(snippets.size() >= 10, "the README's Java snippets were found: " + snippets.size());
        List<String> unlabelled = snippets.stream().filter(s -> s.label() == null).map(s -> "line " + s.line())
                .toList();
        assertEquals(List.of(), unlabelled, "snippets without a <!-- snippet: label --> comment right above them");
        List<String> labels = snippets.stream().map(Snippet::label).toList();
        assertEquals(labels.size(), labels.stream().distinct().count(), "labels must be distinct: " + labels);
    }

    @TestFactory
    Stream<DynamicTest> everySnippetCompiles() throws IOException {
        return snippets().stream().filter(s -> s.label() != null).map(s -> DynamicTest.dynamicTest(
                s.label() + " (README line " + s.line() + ")", () -> compile(s)));
    }

    static List<Snippet> snippets() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("readme", "../README.md")));
        List<Snippet> found = new ArrayList<>();
        Matcher m = SNIPPET.matcher(readme);
        while (m.find()) {
            int line = (int) readme.substring(0, m.start(2)).chars().filter(c -> c == '\n').count() + 1;
            found.add(new Snippet(m.group(1), line, m.group(2)));
        }
        return found;
    }

    /** A snippet as the compiler gets it: one source file with its givens, and the name of its top-level class. */
    record Unit(String className, String source) {
    }

    private static void compile(Snippet snippet) throws IOException {
        Unit unit = unit(snippet);
        InMemoryJavac.Result result = InMemoryJavac.compile(
                List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-Xlint:none"),
                List.of(InMemoryJavac.source(unit.className(), unit.source())));
        assertTrue(result.compiled(), () -> "README snippet '" + snippet.label() + "' (README line " + snippet.line()
                + ") does not compile:\n" + result.errors() + "\n--- as compiled:\n" + numbered(unit.source()));
    }

    static Unit unit(Snippet snippet) throws IOException {
        String givens = givens(snippet.label());
        String imports = API_PACKAGES.stream().map(p -> "import " + p + ".*;\n").collect(Collectors.joining());
        if (TOP_LEVEL_TYPE.matcher(snippet.code()).find()) {
            Matcher named = PUBLIC_TYPE.matcher(snippet.code());
            String className = named.find() ? named.group(1) : typeName(snippet.label());
            boolean ownImports = snippet.code().stripLeading().startsWith("import ");
            return new Unit(className, (ownImports ? "" : imports) + snippet.code() + "\n" + givens);
        }
        String className = typeName(snippet.label());
        return new Unit(className, imports + "@SuppressWarnings(\"all\")\nabstract class " + className + " {\n"
                + givens + "\n    void snippet() throws Exception {\n" + snippet.code() + "\n    }\n}\n");
    }

    static String givens(String label) throws IOException {
        String resource = "/readme-snippets/" + label + ".java";
        try (InputStream in = ReadmeSnippetsTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "no givens file for README snippet '" + label + "': add src/test/resources"
                    + resource + " declaring what the snippet uses without declaring it (it may be empty)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String typeName(String label) {
        StringBuilder name = new StringBuilder("Readme");
        for (String word : label.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    static String numbered(String source) {
        String[] lines = source.split("\n", -1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            text.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return text.toString();
    }
}
