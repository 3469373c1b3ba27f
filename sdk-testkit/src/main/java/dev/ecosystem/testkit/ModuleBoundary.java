package dev.ecosystem.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Checks a module's descriptor against its compiled classes: every package holding a public class is exported to
 * everyone exactly when it is API, that is when no segment of its name is {@code internal}; an {@code internal}
 * package is at most exported to named modules ({@code exports ... to}).
 *
 * <p>A module whose packages move keeps its {@code module-info.java} honest with one test:
 *
 * <pre>{@code
 * @Test
 * void exportsExactlyTheApiPackages() {
 *     ModuleBoundary.assertApiExported(MyCrm.class);
 * }
 * }</pre>
 *
 * <p>The check reads the {@code module-info.class} and the classes beside the given class (its {@code target/classes}
 * directory or its jar), so it runs in tests on the class path as well.
 */
public final class ModuleBoundary {

    private ModuleBoundary() {
    }

    /**
     * Fails, naming every package that breaks the rule, unless the descriptor of the module that {@code anyClass}
     * belongs to exports exactly its API packages.
     *
     * @param anyClass a class compiled into the module to check
     * @throws AssertionError when the module has no {@code module-info.class} or a package breaks the rule
     */
    public static void assertApiExported(Class<?> anyClass) {
        Path location = location(anyClass);
        List<String> violations = new ArrayList<>();
        try (Root root = Root.open(location)) {
            ModuleDescriptor descriptor = root.descriptor();
            Map<String, Set<String>> publicClasses = publicClassesByPackage(root, anyClass.getClassLoader());
            if (publicClasses.values().stream().allMatch(Set::isEmpty)) {
                throw new AssertionError("no public class found in " + location + "; nothing to check");
            }
            violations.addAll(violations(descriptor, publicClasses));
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("module descriptor in " + location + " does not export exactly its API packages:\n  "
                    + String.join("\n  ", violations));
        }
    }

    /**
     * What breaks the rule, one line per package; empty when nothing does.
     *
     * @param descriptor the module's descriptor
     * @param publicClasses the module's packages that hold public top-level classes, with those classes' names
     */
    public static List<String> violations(ModuleDescriptor descriptor, Map<String, Set<String>> publicClasses) {
        Map<String, ModuleDescriptor.Exports> exports = new TreeMap<>();
        for (ModuleDescriptor.Exports export : descriptor.exports()) {
            exports.put(export.source(), export);
        }
        List<String> violations = new ArrayList<>();
        for (ModuleDescriptor.Exports export : exports.values()) {
            if (isInternal(export.source()) && !export.isQualified()) {
                violations.add(export.source() + " is internal but exported to every module; export it only to the "
                        + "SDK modules that use it (exports ... to ...)");
            }
        }
        for (Map.Entry<String, Set<String>> entry : new TreeMap<>(publicClasses).entrySet()) {
            String pkg = entry.getKey();
            ModuleDescriptor.Exports export = exports.get(pkg);
            if (isInternal(pkg) || entry.getValue().isEmpty()) {
                continue;
            }
            if (export == null) {
                violations.add(pkg + " holds public classes " + entry.getValue() + " but is not exported; add "
                        + "'exports " + pkg + ";' to module " + descriptor.name() + ", or name it .internal");
            } else if (export.isQualified()) {
                violations.add(pkg + " is API but exported only to " + export.targets() + "; export it to everyone");
            }
        }
        return violations;
    }

    /** Whether a package is the implementation of another: one of its name's segments is {@code internal}. */
    static boolean isInternal(String pkg) {
        return Arrays.asList(pkg.split("\\.")).contains("internal");
    }

    private static Map<String, Set<String>> publicClassesByPackage(Root root, ClassLoader loader) {
        Map<String, Set<String>> byPackage = new TreeMap<>();
        for (String className : root.topLevelClassNames()) {
            int dot = className.lastIndexOf('.');
            if (dot < 0) {
                continue;
            }
            String pkg = className.substring(0, dot);
            Set<String> classes = byPackage.computeIfAbsent(pkg, p -> new TreeSet<>());
            if (isPublic(className, loader)) {
                classes.add(className.substring(dot + 1));
            }
        }
        return byPackage;
    }

    private static boolean isPublic(String className, ClassLoader loader) {
        try {
            // Loaded without initialising: no static initialiser runs and optional dependencies need not be present.
            return Modifier.isPublic(Class.forName(className, false, loader).getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError("cannot load " + className + " to read its modifiers", e);
        }
    }

    private static Path location(Class<?> anyClass) {
        CodeSource source = anyClass.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new AssertionError(anyClass.getName() + " has no code source; cannot find its module's classes");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError("unreadable code source " + source.getLocation() + " of " + anyClass.getName(), e);
        }
    }

    /** The classes of one module: a directory of class files or a jar. */
    private static final class Root implements AutoCloseable {
        private final Path base;
        private final Path path;
        private final @Nullable FileSystem jar;

        private Root(Path base, Path path, @Nullable FileSystem jar) {
            this.base = base;
            this.path = path;
            this.jar = jar;
        }

        static Root open(Path path) {
            if (Files.isDirectory(path)) {
                return new Root(path, path, null);
            }
            try {
                FileSystem jar = FileSystems.newFileSystem(path);
                return new Root(jar.getPath("/"), path, jar);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + path, e);
            }
        }

        ModuleDescriptor descriptor() {
            try (InputStream in = Files.newInputStream(base.resolve("module-info.class"))) {
                return ModuleDescriptor.read(in);
            } catch (NoSuchFileException e) {
                throw new AssertionError(path + " has no module-info.class: the module is not a named module", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the module descriptor in " + path, e);
            }
        }

        List<String> topLevelClassNames() {
            try (Stream<Path> files = Files.walk(base)) {
                return files.map(file -> base.relativize(file).toString().replace('\\', '/'))
                        .filter(name -> name.endsWith(".class") && !name.contains("$")
                                && !name.startsWith("META-INF/")
                                && !name.endsWith("module-info.class") && !name.endsWith("package-info.class"))
                        .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the classes in " + path, e);
            }
        }

        @Override
        public void close() {
            if (jar != null) {
                try {
                    jar.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close " + path, e);
                }
            }
        }
    }
}
