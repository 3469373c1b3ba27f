package dev.ecosystem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

    @Test
    void coreExportsExactlyItsApiPackages() {
        ModuleBoundary.assertApiExported(EcosystemClient.class);
    }

    @Test
    void testkitExportsExactlyItsApiPackages() {
        ModuleBoundary.assertApiExported(ModuleBoundary.class);
    }

    @Test
    void anApiPackageThatIsNotExportedIsNamed() {
        ModuleDescriptor descriptor = ModuleDescriptor.newModule("acme.crm").exports("acme.crm").build();

        assertThat(ModuleBoundary.violations(descriptor,
                Map.of("acme.crm", Set.of("AcmeCrm"), "acme.crm.model", Set.of("Deal"))))
                .singleElement().asString()
                .startsWith("acme.crm.model holds public classes [Deal] but is not exported")
                .contains("'exports acme.crm.model;' to module acme.crm");
    }

    @Test
    void anApiPackageExportedOnlyToNamedModulesIsNamed() {
        ModuleDescriptor descriptor = ModuleDescriptor.newModule("acme.crm")
                .exports(Set.of(), "acme.crm", Set.of("acme.other")).build();

        assertThat(ModuleBoundary.violations(descriptor, Map.of("acme.crm", Set.of("AcmeCrm"))))
                .containsExactly("acme.crm is API but exported only to [acme.other]; export it to everyone");
    }

    @Test
    void anInternalPackageExportedToEveryoneIsNamed() {
        ModuleDescriptor descriptor = ModuleDescriptor.newModule("acme.crm")
                .exports("acme.crm").exports("acme.crm.internal").build();

        assertThat(ModuleBoundary.violations(descriptor,
                Map.of("acme.crm", Set.of("AcmeCrm"), "acme.crm.internal", Set.of("Wire"))))
                .singleElement().asString()
                .startsWith("acme.crm.internal is internal but exported to every module");
    }

    @Test
    void internalPackagesExportedToNamedModulesAndPackagesWithoutPublicClassesPass() {
        ModuleDescriptor descriptor = ModuleDescriptor.newModule("acme.crm")
                .exports("acme.crm")
                .exports(Set.of(), "acme.internal", Set.of("acme.store"))
                .build();

        assertThat(ModuleBoundary.violations(descriptor, Map.of(
                "acme.crm", Set.of("AcmeCrm"),
                "acme.internal", Set.of("Checks"),
                "acme.crm.internal", Set.of("Wire"),
                "acme.crm.wire", Set.of())))
                .isEmpty();
    }

    @Test
    void classesWithoutAModuleDescriptorFail() {
        // This test's own classes directory has no module-info.class.
        assertThatThrownBy(() -> ModuleBoundary.assertApiExported(ModuleBoundaryTest.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("has no module-info.class");
    }
}
