package dev.ratchet;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules that keep the layers of every module apart. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ratchet");

    @Test
    void theDomainKnowsNothingOfPagesOrTheApi() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..api..", "org.springframework.web..",
                        "jakarta.servlet..", "org.springframework.ui..")
                .check(CLASSES);
    }

    @Test
    void pageControllersLiveInWebPackagesAndApiControllersInApiPackages() {
        classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("..api..").check(CLASSES);
        classes().that().areAnnotatedWith(Controller.class).should().resideInAPackage("..web..").check(CLASSES);
    }

    @Test
    void apiControllersDoNotRenderPages() {
        noClasses().that().resideInAPackage("..api..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.ui..").check(CLASSES);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().that().resideInAPackage("dev.ratchet..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .check(CLASSES);
    }
}
