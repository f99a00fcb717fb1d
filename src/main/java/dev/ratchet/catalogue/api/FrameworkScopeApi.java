package dev.ratchet.catalogue.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.catalogue.FrameworkScopes;
import dev.ratchet.catalogue.Mapped;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/frameworks")
@Tag(name = "Catalogue", description = "Frameworks and their requirements")
class FrameworkScopeApi {

    private final FrameworkScopes scopes;
    private final dev.ratchet.catalogue.CatalogueManagement catalogue;

    FrameworkScopeApi(FrameworkScopes scopes, dev.ratchet.catalogue.CatalogueManagement catalogue) {
        this.scopes = scopes;
        this.catalogue = catalogue;
    }

    /** The frameworks in scope; {@code version} is -1 until the organisation first chooses. */
    record ScopeView(List<CatalogueApi.FrameworkSummary> frameworks, long version) {

        static ScopeView of(FrameworkScopes.Scope scope) {
            return new ScopeView(scope.frameworks().stream().map(CatalogueApi.FrameworkSummary::of).toList(), scope.version());
        }
    }

    /** The frameworks to have in scope besides ISO/IEC 27001:2022 (which stays in scope whatever is sent). */
    record ScopeForm(@NotNull List<String> frameworks, @NotNull Long version) {
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The frameworks the organisation answers to (ISO/IEC 27001:2022 always, then those it chose)")
    ScopeView getFrameworkScope(@PathVariable UUID organisationId) {
        return ScopeView.of(scopes.of(CurrentTenant.require().organisationId()));
    }

    @PutMapping
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Choose the frameworks in scope (send the version read; 409 when someone changed them since)")
    ScopeView chooseFrameworkScope(@PathVariable UUID organisationId, @jakarta.validation.Valid @RequestBody ScopeForm form) {
        return ScopeView.of(scopes.choose(CurrentTenant.require(), form.frameworks(), form.version()));
    }

    @GetMapping("/mapped")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "What a requirement also touches: the requirements mapped to it in the organisation's frameworks in scope")
    List<Mapped> listRequirementAlsoTouches(@PathVariable UUID organisationId, @RequestParam String requirement) {
        return scopes.alsoTouches(CurrentTenant.require().organisationId(), catalogue.resolve("requirement", requirement));
    }
}
