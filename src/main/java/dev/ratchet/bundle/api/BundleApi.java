package dev.ratchet.bundle.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.bundle.BundleForm;
import dev.ratchet.bundle.BundleManagement;
import dev.ratchet.bundle.BundleView;
import dev.ratchet.document.Downloads;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/bundles")
@Tag(name = "Evidence bundles", description = "One ZIP of a period's evidence for an auditor, with a manifest of SHA-256 hashes")
class BundleApi {

    private final BundleManagement bundles;

    BundleApi(BundleManagement bundles) {
        this.bundles = bundles;
    }

    @PostMapping
    @PreAuthorize(Access.VERIFY_HISTORY)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for a bundle of the period; it is built in the background (poll its status)")
    BundleView requestBundle(@PathVariable UUID organisationId, @Valid @RequestBody BundleForm form) {
        return bundles.request(CurrentTenant.require(), form);
    }

    @GetMapping
    @PreAuthorize(Access.VERIFY_HISTORY)
    @Operation(summary = "The latest 50 bundles with their status and progress")
    List<BundleView> listBundles(@PathVariable UUID organisationId) {
        return bundles.list(CurrentTenant.require().organisationId());
    }

    @GetMapping("/{bundleId}")
    @PreAuthorize(Access.VERIFY_HISTORY)
    @Operation(summary = "A bundle's status, progress, size and SHA-256")
    BundleView getBundle(@PathVariable UUID organisationId, @PathVariable UUID bundleId) {
        return bundles.get(CurrentTenant.require().organisationId(), bundleId);
    }

    @GetMapping("/{bundleId}/content.zip")
    @PreAuthorize(Access.VERIFY_HISTORY)
    @Operation(summary = "The ZIP of a ready bundle (409 until it is ready)")
    ResponseEntity<byte[]> downloadBundle(@PathVariable UUID organisationId, @PathVariable UUID bundleId) {
        UUID org = CurrentTenant.require().organisationId();
        return Downloads.zip(bundles.get(org, bundleId).fileName(), bundles.content(org, bundleId));
    }
}
