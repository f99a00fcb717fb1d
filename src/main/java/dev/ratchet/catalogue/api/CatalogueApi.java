package dev.ratchet.catalogue.api;

import java.util.List;

import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.catalogue.Requirement;
import dev.ratchet.shared.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
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

    record FrameworkSummary(String id, String name, String description, long clauses, long controls) {
    }

    @GetMapping("/frameworks")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "The frameworks Ratchet knows")
    List<FrameworkSummary> listFrameworks() {
        return catalogue.frameworks().stream().map(f -> new FrameworkSummary(f.id(), f.name(), f.description(),
                f.count(Requirement.Kind.CLAUSE), f.count(Requirement.Kind.CONTROL))).toList();
    }

    @GetMapping("/requirements")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "Requirements, optionally of one framework, of one kind, or whose code or title contains q")
    List<Requirement> listRequirements(@RequestParam(required = false) String framework,
            @RequestParam(required = false) String q, @RequestParam(required = false) Requirement.Kind kind) {
        return catalogue.search(framework, q, kind);
    }
}
