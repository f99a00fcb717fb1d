package dev.ratchet.catalogue;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueTests {

    final CatalogueManagement catalogue = load();

    static CatalogueManagement load() {
        try {
            return new CatalogueManagement("");
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shipsAllNinetyThreeAnnexAControlsByTheme() {
        Framework iso = catalogue.framework("iso27001-2022").orElseThrow();
        assertThat(iso.count(Requirement.Kind.CONTROL)).isEqualTo(93);
        assertThat(iso.requirements().stream().filter(r -> "Organizational".equals(r.theme()))).hasSize(37);
        assertThat(iso.requirements().stream().filter(r -> "People".equals(r.theme()))).hasSize(8);
        assertThat(iso.requirements().stream().filter(r -> "Physical".equals(r.theme()))).hasSize(14);
        assertThat(iso.requirements().stream().filter(r -> "Technological".equals(r.theme()))).hasSize(34);
    }

    @Test
    void shipsClausesFourToTenWithTheirSubClauses() {
        assertThat(catalogue.search("iso27001-2022", null, Requirement.Kind.CLAUSE)).extracting(Requirement::code)
                .contains("4", "4.3", "6.1.2", "7.5.3", "9.2.2", "9.3.3", "10.1", "10.2")
                .doesNotContain("3", "11");
    }

    @Test
    void findsRequirementsByNumberOrWords() {
        assertThat(catalogue.search(null, "backup", null)).extracting(Requirement::reference)
                .containsExactly("iso27001-2022:A.8.13");
        assertThat(catalogue.find("iso27001-2022:9.3.3")).get().extracting(Requirement::title)
                .isEqualTo("Management review results");
        assertThat(catalogue.find("iso27001-2022:A.9.1")).isEmpty();
    }

    @Test
    void refusesAFileWithDuplicateCodesOrUnknownParents() {
        CatalogueFile broken = new CatalogueFile("my-framework", "Mine", null, List.of(
                new CatalogueFile.Entry("1", "One", "CLAUSE", null, null),
                new CatalogueFile.Entry("1", "One again", "CLAUSE", null, null),
                new CatalogueFile.Entry("2.1", "Orphan", "CONTROL", "2", null),
                new CatalogueFile.Entry("3", "Odd", "REQUIREMENT", null, null)));
        assertThatThrownBy(() -> broken.toFramework("mine.json"))
                .hasMessageContaining("mine.json")
                .hasMessageContaining("code appears twice")
                .hasMessageContaining("parent 2 is not in the file")
                .hasMessageContaining("\"kind\" must be CLAUSE, THEME or CONTROL");
    }
}
