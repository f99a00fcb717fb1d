package dev.ratchet.catalogue.api;

import java.util.List;

import java.util.Map;

import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.catalogue.Mapped;
import dev.ratchet.catalogue.Mapping;
import dev.ratchet.catalogue.Requirement;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "Catalogue", description = "Frameworks and their requirements")
class CatalogueApi {

    private final CatalogueManagement catalogue;

    CatalogueApi(CatalogueManagement catalogue) {
        this.catalogue = catalogue;
    }

    record FrameworkSummary(String id, String name, String description, long clauses, long controls, int requirements,
            String source, String version, String licence, String written) {

        static FrameworkSummary of(dev.ratchet.catalogue.Framework f) {
            return new FrameworkSummary(f.id(), f.name(), f.description(), f.count(Requirement.Kind.CLAUSE),
                    f.count(Requirement.Kind.CONTROL), f.requirements().size(), f.source(), f.version(), f.licence(), f.written());
        }
    }

    record MappingSummary(String id, String name, String description, String from, String to, int rows, String source,
            String version, String licence, String written) {

        static MappingSummary of(Mapping m) {
            return new MappingSummary(m.id(), m.name(), m.description(), m.from(), m.to(), m.rows().size(), m.source(),
                    m.version(), m.licence(), m.written());
        }
    }

    record MappingDetail(MappingSummary mapping, List<Mapping.Row> rows) {
    }

    @GetMapping("/frameworks")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "The frameworks Ratchet knows")
    List<FrameworkSummary> listFrameworks() {
        return catalogue.frameworks().stream().map(FrameworkSummary::of).toList();
    }

    @GetMapping("/mappings")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "The mappings (crosswalks) between frameworks Ratchet knows")
    List<MappingSummary> listMappings() {
        return catalogue.mappings().stream().map(MappingSummary::of).toList();
    }

    @GetMapping("/mappings/{mappingId}")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "One mapping with its rows: each pair of requirements, their relation (read from the first), confidence and source")
    MappingDetail getMapping(@PathVariable String mappingId) {
        Mapping m = catalogue.mapping(mappingId).orElseThrow(() -> Refused.notFound("mapping"));
        return new MappingDetail(MappingSummary.of(m), m.rows());
    }

    @GetMapping(path = "/mappings/{mappingId}/oscal", produces = "application/json")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "One mapping as an OSCAL mapping-collection (NIST OSCAL control mapping model)")
    org.springframework.http.ResponseEntity<Map<String, Object>> exportMappingAsOscal(@PathVariable String mappingId) {
        Map<String, Object> oscal = catalogue.oscal(mappingId, catalogue.mapping(mappingId).map(m -> java.time.LocalDate.parse(m.written())
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).orElse(java.time.Instant.EPOCH))
                .orElseThrow(() -> Refused.notFound("mapping"));
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + mappingId + ".oscal.json\"").body(oscal);
    }

    @GetMapping("/mapped")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "The requirements mapped to one requirement (named as framework:code), in every framework or in the ones named")
    List<Mapped> listMappedRequirements(@RequestParam String requirement, @RequestParam(required = false) List<String> framework) {
        String reference = catalogue.resolve("requirement", requirement);
        return framework == null || framework.isEmpty() ? catalogue.mapped(reference) : catalogue.mapped(reference, framework);
    }

    @GetMapping("/requirements")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "Requirements, optionally of one framework, of one kind, or whose code or title contains q")
    List<Requirement> listRequirements(@RequestParam(required = false) String framework,
            @RequestParam(required = false) String q, @RequestParam(required = false) Requirement.Kind kind) {
        return catalogue.search(framework, q, kind);
    }
}
