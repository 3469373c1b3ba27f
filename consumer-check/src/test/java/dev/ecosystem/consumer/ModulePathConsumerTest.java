package dev.ecosystem.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecosystem.consumer.ReadmeSnippetsTest.Snippet;
import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that is itself a named module: the README's first use compiles as a module that requires the SDK modules
 * it imports from, with only this build's dependency jars on the module path, while importing an SDK
 * {@code internal} package does not compile. Every published module must resolve as a named module (a
 * {@code module-info.class}, not a manifest's Automatic-Module-Name), together with what it requires.
 */
class ModulePathConsumerTest {
    /** The published modules: every {@code dev.ecosystem.*} module among this build's dependencies. */
    private static final Set<String> PUBLISHED = modules().keySet().stream()
            .filter(name -> name.startsWith("dev.ecosystem.")).collect(Collectors.toCollection(TreeSet::new));
    private static final Pattern BOM_ARTIFACT = Pattern.compile("<artifactId>(sdk-[a-z-]+)</artifactId>");
    private static final String CONSUMER_PACKAGE = "consumer.readme";
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+?)(?:\\.\\*)?;",
            Pattern.MULTILINE);

    /** This build's dependencies (jars, or the sibling modules' classes directories in the reactor), not its own. */
    private static List<Path> dependencies() {
        Path ownClasses = Path.of("target").toAbsolutePath();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath())
                .filter(path -> !path.startsWith(ownClasses) && Files.exists(path))
                .toList();
    }

    /** The modules each dependency declares, keyed by name; a dependency that cannot be one is left out. */
    private static Map<String, ModuleReference> modules() {
        Map<String, ModuleReference> modules = new TreeMap<>();
        for (Path dependency : dependencies()) {
            try {
                ModuleFinder.of(dependency).findAll().forEach(m -> modules.putIfAbsent(m.descriptor().name(), m));
            } catch (RuntimeException notAModule) {
                // e.g. a jar whose file name yields no module name; only the SDK's closure matters below
            }
        }
        return modules;
    }

    @Test
    void everyPublishedModuleIsNamedAndResolvesWithWhatItRequires() throws IOException {
        Map<String, ModuleReference> modules = modules();
        Map<String, String> sdk = modules.values().stream()
                .filter(m -> m.descriptor().name().startsWith("dev.ecosystem."))
                .collect(Collectors.toMap(m -> m.descriptor().name(),
                        m -> m.descriptor().isAutomatic() ? "automatic" : "named", (a, b) -> a, TreeMap::new));
        Map<String, String> expected = new TreeMap<>();
        PUBLISHED.forEach(name -> expected.put(name, "named"));
        assertEquals(expected, sdk, "the SDK modules on this build's module path");
        // consumer-check depends on every artifact of sdk-bom, so each must have shown up as a module
        assertEquals(bomArtifacts().size(), PUBLISHED.size(),
                "sdk-bom's artifacts " + bomArtifacts() + " against the SDK modules found " + PUBLISHED);

        Configuration resolved = resolve(PUBLISHED);
        Set<String> names = resolved.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(PUBLISHED), "resolved: " + names);
    }

    @Test
    void theReadmeFirstUseCompilesAsANamedModule() throws IOException {
        Snippet first = firstUse();
        ReadmeSnippetsTest.Unit unit = ReadmeSnippetsTest.unit(first);
        String source = "package " + CONSUMER_PACKAGE + ";\n" + unit.source();
        Set<String> requires = sdkModulesImportedBy(source);
        assertFalse(requires.isEmpty(), "the first use imports from no SDK module:\n" + source);

        InMemoryJavac.Result result = compileAsModule(requires, unit.className(), source);

        assertTrue(result.compiled(), () -> "README snippet '" + first.label() + "' (README line " + first.line()
                + ") does not compile on the module path, requiring " + requires + ":\n" + result.errors()
                + "\n--- as compiled:\n" + ReadmeSnippetsTest.numbered(source));
    }

    @Test
    void theReadmeFirstUseRunsOnTheModulePath(@TempDir Path classes) throws Exception {
        Snippet first = firstUse();
        ReadmeSnippetsTest.Unit unit = ReadmeSnippetsTest.unit(first);
        String source = "package " + CONSUMER_PACKAGE + ";\n" + unit.source();
        Set<String> requires = sdkModulesImportedBy(source);
        InMemoryJavac.Result compiled = InMemoryJavac.compileTo(classes, moduleOptions(requires),
                moduleSources(requires, unit.className(), source));
        assertTrue(compiled.compiled(), compiled.errors());

        // The flag the README's "Modules" section tells a module-path host to add.
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", classes + File.pathSeparator + modulePath(requires),
                "--add-exports", "com.google.common/com.google.thirdparty.publicsuffix=dev.ecosystem.core",
                "--module", "consumer.readme/" + CONSUMER_PACKAGE + "." + unit.className())
                .redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), "the first use did not end within a minute:\n" + output);

        assertEquals(0, java.exitValue(), "the first use failed on the module path:\n" + output);
        assertTrue(output.contains("globex"), "the first use printed the new partnership:\n" + output);
    }

    @Test
    void anSdkInternalPackageIsNotVisibleOnTheModulePath() throws IOException {
        String internalClass = somePublicInternalClass("dev.ecosystem.core");
        String source = "package " + CONSUMER_PACKAGE + ";\n"
                + "import " + internalClass + ";\n"
                + "class UsesInternal {\n"
                + "    Class<?> type = " + internalClass.substring(internalClass.lastIndexOf('.') + 1) + ".class;\n"
                + "}\n";

        InMemoryJavac.Result result = compileAsModule(Set.of("dev.ecosystem.core"), "UsesInternal", source);

        assertFalse(result.compiled(), "a host module compiled against SDK internals: " + internalClass);
        String pkg = internalClass.substring(0, internalClass.lastIndexOf('.'));
        assertTrue(result.errors().contains("package " + pkg + " is not visible"), result.errors());
    }

    private static InMemoryJavac.Result compileAsModule(Set<String> requires, String className, String source)
            throws IOException {
        return InMemoryJavac.compile(moduleOptions(requires), moduleSources(requires, className, source));
    }

    private static List<String> moduleOptions(Set<String> requires) {
        return List.of("--module-path", modulePath(requires), "-proc:none", "-Xlint:none");
    }

    /** The source as the only class of module {@code consumer.readme}, which requires the given modules. */
    private static List<JavaFileObject> moduleSources(Set<String> requires, String className, String source) {
        String moduleInfo = "module consumer.readme {\n"
                + requires.stream().sorted().map(m -> "    requires " + m + ";\n").collect(Collectors.joining())
                + "}\n";
        return List.of(InMemoryJavac.source("module-info", moduleInfo),
                InMemoryJavac.source(CONSUMER_PACKAGE.replace('.', '/') + "/" + className, source));
    }

    /** The dependencies that the given modules need, and no others, as a module path. */
    private static String modulePath(Set<String> requires) {
        return resolve(requires).modules().stream()
                .map(m -> m.reference().location().orElseThrow())
                .filter(location -> !location.getScheme().equals("jrt"))
                .map(location -> Path.of(location).toString())
                .distinct().collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> bomArtifacts() throws IOException {
        Matcher m = BOM_ARTIFACT.matcher(Files.readString(Path.of(System.getProperty("bom", "../sdk-bom/pom.xml"))));
        List<String> artifacts = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("sdk-bom")) {
                artifacts.add(m.group(1));
            }
        }
        return artifacts;
    }

    /** The README's first labelled Java snippet. */
    private static Snippet firstUse() throws IOException {
        return ReadmeSnippetsTest.snippets().stream().filter(s -> s.label() != null).findFirst()
                .orElseThrow(() -> new AssertionError("the README has no labelled Java snippet"));
    }

    /** The JDK's own resolution of the given roots over this build's dependencies, as {@code java -p} would do it. */
    private static Configuration resolve(Set<String> roots) {
        ModuleFinder finder = ModuleFinder.of(modules().values().stream()
                .map(m -> Path.of(m.location().orElseThrow())).distinct().toArray(Path[]::new));
        return Configuration.empty().resolve(ModuleFinder.compose(ModuleFinder.ofSystem(), finder), ModuleFinder.of(),
                roots);
    }

    /** The SDK modules that export a package the source imports from. */
    private static Set<String> sdkModulesImportedBy(String source) {
        List<String> imported = new ArrayList<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            imported.add(m.group(1));
        }
        Set<String> requires = new TreeSet<>();
        for (ModuleReference module : modules().values()) {
            ModuleDescriptor descriptor = module.descriptor();
            if (!PUBLISHED.contains(descriptor.name())) {
                continue;
            }
            for (ModuleDescriptor.Exports export : descriptor.exports()) {
                // an import names a package (on-demand) or a type in one
                if (!export.isQualified() && imported.stream().anyMatch(i -> i.equals(export.source())
                        || i.startsWith(export.source() + ".") && !i.substring(export.source().length() + 1)
                                .contains("."))) {
                    requires.add(descriptor.name());
                }
            }
        }
        return requires;
    }

    /** A public class of the module in a package whose name has an {@code internal} segment. */
    private static String somePublicInternalClass(String moduleName) throws IOException {
        ModuleReference module = Optional.ofNullable(modules().get(moduleName))
                .orElseThrow(() -> new AssertionError(moduleName + " is not on the module path"));
        try (ModuleReader reader = module.open(); Stream<String> entries = reader.list()) {
            for (String entry : entries.sorted().toList()) {
                if (!entry.endsWith(".class") || entry.contains("$") || entry.endsWith("-info.class")) {
                    continue;
                }
                String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                String pkg = className.substring(0, Math.max(0, className.lastIndexOf('.')));
                if (Arrays.asList(pkg.split("\\.")).contains("internal") && isPublic(className)) {
                    return className;
                }
            }
        }
        throw new AssertionError(moduleName + " has no public class in an internal package to try");
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, ModulePathConsumerTest.class.getClassLoader())
                    .getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " is listed in its module but not loadable", e);
        }
    }
}
