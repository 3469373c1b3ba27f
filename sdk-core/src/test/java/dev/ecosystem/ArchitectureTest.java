package dev.ecosystem;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package structure of sdk-core, as the README's "Package layering" section describes it. Every package is its
 * own slice ({@code intro} and {@code intro.internal} are two), and the slices form no cycle: a package may only use
 * packages below it. The bottom packages are pinned explicitly so a new dependency cannot move them up.
 */
class ArchitectureTest {
    private static final JavaClasses SDK_CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ecosystem");

    /** Each package of sdk-core is a slice of its own. */
    private static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "every package of dev.ecosystem";
        }
    };

    @Test
    void theClassesWereImported() {
        // A rule over no classes passes whatever the code does: make sure the import found sdk-core's main classes.
        assertThat(SDK_CORE.contain(EcosystemClient.class)).isTrue();
        assertThat(SDK_CORE.contain(ArchitectureTest.class)).isFalse();
        assertThat(SDK_CORE.size()).isGreaterThan(300);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles().check(SDK_CORE);
    }

    @Test
    void exceptionsAreTheBottom() {
        onlyUses("dev.ecosystem.error");
    }

    @Test
    void validationHelpersSitRightAboveTheExceptions() {
        onlyUses("dev.ecosystem.internal.base", "dev.ecosystem.error");
    }

    @Test
    void modelIsBuiltFromValidationHelpersAndExceptionsOnly() {
        onlyUses("dev.ecosystem.model", "dev.ecosystem.error", "dev.ecosystem.internal.base");
    }

    @Test
    void portsUseTheModelOnly() {
        onlyUses("dev.ecosystem.spi", "dev.ecosystem.model", "dev.ecosystem.error", "dev.ecosystem.internal.base");
    }

    @Test
    void publicSignaturesOfApiPackagesDoNotExposeInternalTypes() {
        classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
                .should(exposeNoType(resideInAPackage("..internal..")))
                .check(SDK_CORE);
    }

    /** Classes of {@code pkg} (not its sub-packages) use no SDK package but {@code pkg} and {@code allowed}. */
    private static void onlyUses(String pkg, String... allowed) {
        String[] own = Stream.concat(Stream.of(pkg), Stream.of(allowed)).toArray(String[]::new);
        noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat(resideInAPackage("dev.ecosystem..").and(not(resideInAnyPackage(own))))
                .check(SDK_CORE);
    }

    /**
     * No public or protected constructor, method or field of a public class (whose enclosing classes are public too)
     * names a type matching {@code forbidden}, in its raw types or type arguments; nor does the class extend or
     * implement one.
     */
    private static ArchCondition<JavaClass> exposeNoType(
            DescribedPredicate<? super JavaClass> forbidden) {
        return new ArchCondition<>("expose no type that " + forbidden.getDescription()) {
            @Override
            public void check(JavaClass owner, ConditionEvents events) {
                if (!visibleOutsideItsPackage(owner)) {
                    return;
                }
                List<String> exposed = new ArrayList<>();
                owner.getRawSuperclass().filter(forbidden).ifPresent(t -> exposed.add("extends " + t.getName()));
                owner.getRawInterfaces().stream().filter(forbidden)
                        .forEach(t -> exposed.add("implements " + t.getName()));
                for (JavaCodeUnit unit : owner.getCodeUnits()) {
                    if (visible(unit) && !unit.getName().equals("<clinit>")) {
                        Set<JavaClass> types = new HashSet<>(unit.getReturnType().getAllInvolvedRawTypes());
                        unit.getParameterTypes().forEach(p -> types.addAll(p.getAllInvolvedRawTypes()));
                        types.stream().filter(forbidden)
                                .forEach(t -> exposed.add(unit.getFullName() + " uses " + t.getName()));
                    }
                }
                for (JavaField field : owner.getFields()) {
                    if (visible(field)) {
                        field.getType().getAllInvolvedRawTypes().stream().filter(forbidden)
                                .forEach(t -> exposed.add(field.getFullName() + " is a " + t.getName()));
                    }
                }
                exposed.forEach(e -> events.add(SimpleConditionEvent.violated(owner, e)));
            }
        };
    }

    private static boolean visibleOutsideItsPackage(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }
}
