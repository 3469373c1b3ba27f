package dev.ecosystem.consumer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles sources held in memory with the JDK's compiler, by default writing no class files. */
final class InMemoryJavac {

    /** Whether the sources compiled, and the errors (one per line, with its line number) when not. */
    record Result(boolean compiled, String errors) {
    }

    private InMemoryJavac() {
    }

    static Result compile(List<String> options, List<JavaFileObject> sources) throws IOException {
        return compile(options, sources, true);
    }

    /** Compiles and writes the class files to {@code classes}. */
    static Result compileTo(Path classes, List<String> options, List<JavaFileObject> sources) throws IOException {
        List<String> withOutput = new ArrayList<>(options);
        withOutput.addAll(List.of("-d", classes.toString()));
        return compile(withOutput, sources, false);
    }

    private static Result compile(List<String> options, List<JavaFileObject> sources, boolean discardOutput)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8); NoOutput noOutput = new NoOutput(files)) {
            JavaFileManager manager = discardOutput ? noOutput : files;
            boolean compiled = javac.getTask(out, manager, diagnostics, options, null, sources).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + " ")
                            + "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            return new Result(compiled, errors + out);
        }
    }

    /** A source file, in memory; {@code path} is where it would sit in a source tree ({@code a/b/C}, no extension). */
    static JavaFileObject source(String path, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + path + JavaFileObject.Kind.SOURCE.extension),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    /** Compiles without writing class files. */
    private static final class NoOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        NoOutput(StandardJavaFileManager files) {
            super(files);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    return OutputStream.nullOutputStream();
                }
            };
        }
    }
}
