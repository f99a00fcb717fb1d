package dev.ratchet.catalogue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

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
        assertThat(catalogue.search("iso27001-2022", "backup", null)).extracting(Requirement::reference)
                .containsExactly("iso27001-2022:A.8.13");
        assertThat(catalogue.search(null, "backup", null)).extracting(Requirement::reference)
                .contains("iso27001-2022:A.8.13", "nist-csf-2.0:PR.DS-11", "dora-2022-2554:Art.12");
        assertThat(catalogue.find("iso27001-2022:9.3.3")).get().extracting(Requirement::title)
                .isEqualTo("Management review results");
        assertThat(catalogue.find("iso27001-2022:A.9.1")).isEmpty();
    }

    @Test
    void refusesAFileWithDuplicateCodesOrUnknownParents() {
        CatalogueFile broken = new CatalogueFile(null, "my-framework", "Mine", null, null, "Us", "1", "Ours", "2026-12-01", null, null, List.of(
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

    @Test
    void shipsEveryFrameworkTheIssueNamesEachNamingItsSourceVersionLicenceAndDate() {
        assertThat(catalogue.frameworks()).extracting(Framework::id).containsExactlyInAnyOrder("iso27001-2022", "nist-csf-2.0",
                "nis2-2022-2555", "dora-2022-2554", "gdpr-2016-679", "iso42001-2023", "soc2-tsc-2017");
        assertThat(catalogue.framework("nis2-2022-2555").orElseThrow().source()).startsWith("Directive (EU) 2022/2555 of 14 December 2022");
        assertThat(catalogue.frameworks()).allSatisfy(f -> {
            assertThat(f.source()).isNotBlank().doesNotEndWith(".json");
            assertThat(f.version()).isNotBlank();
            assertThat(f.licence()).isNotBlank();
            assertThat(java.time.LocalDate.parse(f.written())).isBeforeOrEqualTo(java.time.LocalDate.now());
        });
        Framework csf = catalogue.framework("nist-csf-2.0").orElseThrow();
        assertThat(csf.requirements().stream().filter(r -> r.depth() == 0)).extracting(Requirement::code)
                .containsExactly("GV", "ID", "PR", "DE", "RS", "RC");
        assertThat(catalogue.auditable("nist-csf-2.0")).hasSize(106);
        assertThat(catalogue.search("nis2-2022-2555", null, null)).extracting(Requirement::code)
                .contains("Art.21(2)(a)", "Art.21(2)(j)", "Art.23(4)(a)", "Art.23(4)(b)", "Art.23(4)(d)", "Art.20(1)");
        assertThat(catalogue.search("gdpr-2016-679", null, null)).extracting(Requirement::code)
                .contains("Art.5", "Art.24", "Art.25", "Art.28", "Art.30", "Art.32", "Art.33", "Art.34", "Art.35");
        assertThat(catalogue.search("soc2-tsc-2017", null, Requirement.Kind.CONTROL)).extracting(Requirement::code)
                .contains("CC1.1", "CC9.2", "A1.1", "C1.1", "PI1.1", "P1.1", "P8.1");
        assertThat(catalogue.search("iso42001-2023", null, Requirement.Kind.CONTROL)).hasSize(38);
    }

    @Test
    void shipsMappingsFromIso27001ToEachOtherFrameworkAndReadsThemBothWays() {
        assertThat(catalogue.mappings()).extracting(Mapping::to).containsExactlyInAnyOrder("nist-csf-2.0", "nis2-2022-2555",
                "dora-2022-2554", "gdpr-2016-679", "soc2-tsc-2017", "iso42001-2023");
        assertThat(catalogue.mapped("iso27001-2022:A.5.24")).extracting(Mapped::reference)
                .contains("nist-csf-2.0:RS.MA-01", "nis2-2022-2555:Art.21(2)(b)", "soc2-tsc-2017:CC7.4");
        Mapped nis2 = catalogue.mapped("iso27001-2022:A.5.24").stream()
                .filter(m -> m.reference().equals("nis2-2022-2555:Art.21(2)(b)")).findFirst().orElseThrow();
        assertThat(nis2.relation()).isEqualTo(Relation.SUBSET);
        Mapped back = catalogue.mapped("nis2-2022-2555:Art.21(2)(b)").stream()
                .filter(m -> m.reference().equals("iso27001-2022:A.5.24")).findFirst().orElseThrow();
        assertThat(back.relation()).isEqualTo(Relation.SUPERSET);
        assertThat(catalogue.mapped("iso27001-2022:A.5.24", Set.of("nis2-2022-2555"))).extracting(Mapped::reference)
                .containsExactly("nis2-2022-2555:Art.21(2)(b)");
        // A filter by NIS2's incident handling reaches the ISO controls mapped to it; by a CSF category, its subcategories' too.
        assertThat(catalogue.reach("nis2-2022-2555:Art.21(2)(b)"))
                .contains("nis2-2022-2555:Art.21(2)(b)", "iso27001-2022:A.5.24", "iso27001-2022:A.5.26");
        assertThat(catalogue.reach("nist-csf-2.0:RS.MA")).contains("nist-csf-2.0:RS.MA-01", "iso27001-2022:A.5.24");
    }

    @Test
    void aBareCodeStillMeansIso27001sWhereIso42001NumbersTheSame() {
        assertThat(catalogue.resolve("requirements", "9.2")).isEqualTo("iso27001-2022:9.2");
        assertThat(catalogue.resolve("requirements", "A.5.2")).isEqualTo("iso27001-2022:A.5.2");
        assertThat(catalogue.resolve("requirements", "iso42001-2023:9.2")).isEqualTo("iso42001-2023:9.2");
        assertThat(catalogue.resolve("requirements", "RS.MA-01")).isEqualTo("nist-csf-2.0:RS.MA-01");
        assertThatThrownBy(() -> catalogue.resolve("requirements", "Art.23")).hasMessageContaining("more than one framework");
    }

    @Test
    void aBrokenMappingRowStopsStartUpNamingTheFileAndTheRow(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("ours.json"), """
                {"kind": "mapping", "id": "ours", "name": "Ours", "source": "Us", "version": "1", "licence": "Ours",
                 "written": "2026-12-01", "from": "iso27001-2022", "to": "nist-csf-2.0",
                 "rows": [
                  {"from": "A.5.24", "to": "RS.MA-01", "relation": "intersects", "confidence": "high", "source": "us"},
                  {"from": "A.5.99", "to": "RS.MA-01", "relation": "intersects", "confidence": "high", "source": "us"},
                  {"from": "A.5.25", "to": "RS.MA-02", "relation": "overlaps", "confidence": "sure", "source": ""}
                 ]}""");
        assertThatThrownBy(() -> new CatalogueManagement(folder.toString()))
                .hasMessageContaining("Mapping file " + folder.resolve("ours.json"))
                .hasMessageContaining("row 2 (A.5.99 → RS.MA-01): A.5.99 is not a requirement of iso27001-2022")
                .hasMessageContaining("row 3 (A.5.25 → RS.MA-02): \"relation\" must be")
                .hasMessageContaining("row 3 (A.5.25 → RS.MA-02): \"confidence\" must be high, medium or low")
                .hasMessageContaining("row 3 (A.5.25 → RS.MA-02): \"source\" is missing");
    }

    @Test
    void anOrganisationsOwnMappingFileLoadsBesideTheShippedOnes(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("ours.json"), """
                {"kind": "mapping", "id": "ours-nis2-soc2", "name": "NIS2 to SOC 2, ours", "source": "Our compliance team",
                 "version": "1", "licence": "Internal", "written": "2026-12-01", "from": "nis2-2022-2555", "to": "soc2-tsc-2017",
                 "rows": [{"from": "Art.21(2)(b)", "to": "CC7.4", "relation": "superset", "confidence": "medium", "source": "our reading"}]}""");
        CatalogueManagement withOurs = new CatalogueManagement(folder.toString());
        assertThat(withOurs.mapped("soc2-tsc-2017:CC7.4")).extracting(Mapped::reference, Mapped::relation)
                .contains(org.assertj.core.groups.Tuple.tuple("nis2-2022-2555:Art.21(2)(b)", Relation.SUBSET));
        assertThat(withOurs.mapping("ours-nis2-soc2").orElseThrow().rows().get(0).source()).isEqualTo("our reading");
    }

    @Test
    void aMappingGoesOutAsOscalAndComesBackTheSame(@TempDir Path folder) throws Exception {
        Map<String, Object> oscal = catalogue.oscal("iso27001-2022--nis2-2022-2555", java.time.Instant.parse("2026-12-02T00:00:00Z")).orElseThrow();
        JsonMapper json = JsonMapper.builder().build();
        String text = json.writeValueAsString(oscal);
        assertThat(text).contains("\"mapping-collection\"", "\"relationship\":\"subset-of\"", "\"id-ref\":\"A.5.24\"",
                "\"id-ref\":\"Art.21(2)(b)\"", "urn:ratchet:catalogue:nis2-2022-2555", "\"confidence-score\"");
        // Read back from the folder under another id, it has the same rows.
        Files.writeString(folder.resolve("back.json"), text.replace("iso27001-2022--nis2-2022-2555", "read-back"));
        CatalogueManagement read = new CatalogueManagement(folder.toString());
        assertThat(read.mapping("read-back").orElseThrow().rows())
                .isEqualTo(catalogue.mapping("iso27001-2022--nis2-2022-2555").orElseThrow().rows());
    }

    @Test
    void findsIncidentRequirementsAcrossEveryFramework() {
        assertThat(catalogue.frameworks().stream().mapToInt(f -> f.requirements().size()).sum()).isGreaterThan(450);
        assertThat(catalogue.search(null, "incident", null)).extracting(Requirement::framework)
                .contains("iso27001-2022", "nist-csf-2.0", "nis2-2022-2555", "dora-2022-2554", "soc2-tsc-2017");
    }
}
