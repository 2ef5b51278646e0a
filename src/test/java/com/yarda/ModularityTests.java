package com.yarda;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(YardaApplication.class);
    /** The module diagrams kept with the sources, so that a change to the graph shows in review. */
    private static final Path DOCS = Path.of("docs", "modules");

    @Test
    void featurePackagesOnlyUseEachOthersPublicSurfaceTheModulesTheyNameAndHaveNoCycles() {
        // allowedDependencies in each package-info.java pins the graph; verify() fails on any other edge
        MODULES.verify();
    }

    @Test
    void theModuleDiagramsInDocsAreCurrent() throws IOException {
        Path generated = Path.of("target", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".puml")).sorted().toList()) {
                Path committed = DOCS.resolve(file.getFileName());
                String now = Files.readString(file);
                // the Documenter lists modules in no fixed order: the same lines in any order are the same diagram
                if (!Files.exists(committed) || !sameLines(Files.readString(committed), now)) {
                    stale.add(file.getFileName().toString());
                    Files.createDirectories(DOCS);
                    Files.writeString(committed, now);
                }
            }
        }

        assertThat(stale)
                .as(
                        "module diagrams that did not match the code; they were rewritten in %s: review and commit them",
                        DOCS)
                .isEmpty();
    }

    private static boolean sameLines(String a, String b) {
        return a.lines().sorted().toList().equals(b.lines().sorted().toList());
    }

    @Test
    void enumsAndTextAreCaseMappedIndependentlyOfTheDefaultLocale() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.yarda");

        // under a Turkish default locale "I" lower-cases to a dotless ı: say Locale.ROOT (or use ApiValue)
        noClasses()
                .should()
                .callMethod(String.class, "toLowerCase")
                .orShould()
                .callMethod(String.class, "toUpperCase")
                .because("the default locale changes the result; pass Locale.ROOT")
                .check(classes);
    }
}
