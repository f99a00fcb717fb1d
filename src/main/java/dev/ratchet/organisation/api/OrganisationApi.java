package dev.ratchet.organisation.api;

import java.util.UUID;

import dev.ratchet.organisation.AreaForm;
import dev.ratchet.organisation.AreaView;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.organisation.OrganisationSettings;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}")
@Tag(name = "Organisations", description = "An organisation's settings and its areas and processes")
class OrganisationApi {

    private final OrganisationManagement organisations;

    OrganisationApi(OrganisationManagement organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The organisation and its settings")
    OrganisationDetails getOrganisation(@PathVariable UUID organisationId) {
        return organisations.get(CurrentTenant.require().organisationId());
    }

    @PutMapping("/settings")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Changes the settings; send the version you read, a newer one stored answers 409")
    OrganisationDetails updateSettings(@PathVariable UUID organisationId,
            @Valid @RequestBody OrganisationSettings settings) {
        return organisations.updateSettings(CurrentTenant.require().organisationId(), settings);
    }

    @PostMapping("/logo")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Sets or replaces the logo on every document's first page (multipart part \"file\": PNG or JPEG, at most 512 KB)")
    dev.ratchet.organisation.LogoView setOrganisationLogo(@PathVariable UUID organisationId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        var tenant = CurrentTenant.require();
        return organisations.setLogo(tenant.organisationId(), tenant.userId(), file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes());
    }

    @GetMapping(path = "/logo", produces = { "image/png", "image/jpeg" })
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The logo printed on the organisation's documents")
    org.springframework.http.ResponseEntity<byte[]> getOrganisationLogo(@PathVariable UUID organisationId) {
        return organisations.logo(CurrentTenant.require().organisationId()).map(dev.ratchet.organisation.Logo::response)
                .orElseThrow(() -> dev.ratchet.shared.Refused.notFound("Logo"));
    }

    @DeleteMapping("/logo")
    @PreAuthorize(Access.CONFIGURE)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes the logo: documents are printed without one")
    void removeOrganisationLogo(@PathVariable UUID organisationId) {
        organisations.removeLogo(CurrentTenant.require().organisationId());
    }

    @GetMapping("/areas")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Areas and processes, paged, optionally filtered by text in name or description")
    Paged<AreaView> listAreas(@PathVariable UUID organisationId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(organisations.areas(CurrentTenant.require().organisationId(), q,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), Sort.by("name"))));
    }

    @GetMapping("/areas/{areaId}")
    @PreAuthorize(Access.MEMBER)
    @io.swagger.v3.oas.annotations.Operation(summary = "An area or process of the organisation")
    AreaView getArea(@PathVariable UUID organisationId, @PathVariable UUID areaId) {
        return organisations.area(CurrentTenant.require().organisationId(), areaId);
    }

    @PostMapping("/areas")
    @PreAuthorize(Access.CONFIGURE)
    @io.swagger.v3.oas.annotations.Operation(summary = "Add an area or process (department, site, product) that records and audits can name")
    @ResponseStatus(HttpStatus.CREATED)
    AreaView createArea(@PathVariable UUID organisationId, @Valid @RequestBody AreaForm area) {
        return organisations.createArea(CurrentTenant.require().organisationId(), area);
    }

    @PutMapping("/areas/{areaId}")
    @PreAuthorize(Access.CONFIGURE)
    @io.swagger.v3.oas.annotations.Operation(summary = "Rename or describe an area; send the version you read")
    AreaView updateArea(@PathVariable UUID organisationId, @PathVariable UUID areaId,
            @Valid @RequestBody AreaForm area) {
        return organisations.updateArea(CurrentTenant.require().organisationId(), areaId, area);
    }

    @DeleteMapping("/areas/{areaId}")
    @PreAuthorize(Access.CONFIGURE)
    @io.swagger.v3.oas.annotations.Operation(summary = "Remove an area no record names; send the version you read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteArea(@PathVariable UUID organisationId, @PathVariable UUID areaId, @RequestParam Long version) {
        organisations.deleteArea(CurrentTenant.require().organisationId(), areaId, version);
    }
}
