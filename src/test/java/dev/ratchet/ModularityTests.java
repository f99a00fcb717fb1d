package dev.ratchet;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(RatchetApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicFaceAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void everyCapabilityOfTheFoundationIsAModule() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "organisation", "identity", "catalogue", "history", "web");
    }

    @Test
    void writesModuleDiagrams() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
