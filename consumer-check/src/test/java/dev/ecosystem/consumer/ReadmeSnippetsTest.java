package dev.ecosystem.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
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
            "dev.ecosystem.http", "dev.ecosystem.hubspot", "dev.ecosystem.intro", "dev.ecosystem.io", "dev.ecosystem.jdbc",
            "dev.ecosystem.ledger", "dev.ecosystem.mail", "dev.ecosystem.memory", "dev.ecosystem.model",
            "dev.ecosystem.navigator", "dev.ecosystem.overlap", "dev.ecosystem.partnership", "dev.ecosystem.payout",
            "dev.ecosystem.program", "dev.ecosystem.psi", "dev.ecosystem.referral", "dev.ecosystem.spi",
            "dev.ecosystem.testkit", "java.time", "java.time.temporal", "java.util", "java.util.concurrent",
            "java.nio.file", "com.zaxxer.hikari");

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

    private static List<Snippet> snippets() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("readme", "../README.md")));
        List<Snippet> found = new ArrayList<>();
        Matcher m = SNIPPET.matcher(readme);
        while (m.find()) {
            int line = (int) readme.substring(0, m.start(2)).chars().filter(c -> c == '\n').count() + 1;
            found.add(new Snippet(m.group(1), line, m.group(2)));
        }
        return found;
    }

    private static void compile(Snippet snippet) throws IOException {
        String givens = givens(snippet.label());
        String imports = API_PACKAGES.stream().map(p -> "import " + p + ".*;\n").collect(Collectors.joining());
        String className;
        String source;
        if (TOP_LEVEL_TYPE.matcher(snippet.code()).find()) {
            Matcher named = PUBLIC_TYPE.matcher(snippet.code());
            className = named.find() ? named.group(1) : typeName(snippet.label());
            boolean ownImports = snippet.code().stripLeading().startsWith("import ");
            source = (ownImports ? "" : imports) + snippet.code() + "\n" + givens;
        } else {
            className = typeName(snippet.label());
            source = imports + "@SuppressWarnings(\"all\")\nabstract class " + className + " {\n" + givens
                    + "\n    void snippet() throws Exception {\n" + snippet.code() + "\n    }\n}\n";
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8); NoOutput noOutput = new NoOutput(files)) {
            boolean compiled = javac.getTask(out, noOutput, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-Xlint:none"), null,
                    List.of(new Source(className, source))).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertTrue(compiled, () -> "README snippet '" + snippet.label() + "' (README line " + snippet.line()
                    + ") does not compile:\n" + errors + "\n--- as compiled:\n" + numbered(source));
        }
    }

    private static String givens(String label) throws IOException {
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

    private static String numbered(String source) {
        String[] lines = source.split("\n", -1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            text.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return text.toString();
    }

    /** One snippet's source, in memory. */
    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    /** Compiles without writing class files: only whether the snippet compiles matters. */
    private static final class NoOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        NoOutput(StandardJavaFileManager files) {
            super(files);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                javax.tools.FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public java.io.OutputStream openOutputStream() {
                    return java.io.OutputStream.nullOutputStream();
                }
            };
        }
    }
}
