package org.onedoor;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/**
 * Verifies the module boundaries and writes the module documentation to {@code docs/modules}.
 */
class ModuleStructureTest {

    /** Classes compiled from src/test, which are not part of any module. */
    private static final DescribedPredicate<JavaClass> TEST_CLASSES = DescribedPredicate.describe("test classes",
            type -> type.getSource().map(source -> source.getUri().toString().contains("/test-classes/")).orElse(false));

    private final ApplicationModules modules = ApplicationModules.of(OneDoorApplication.class, TEST_CLASSES);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }
}
