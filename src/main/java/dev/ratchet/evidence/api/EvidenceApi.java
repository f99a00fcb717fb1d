package dev.ratchet.evidence.api;

import java.util.UUID;

import dev.ratchet.evidence.EvidenceManagement;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An evidence file as it was uploaded, to whoever may see the record it belongs to. */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/evidence")
@Tag(name = "Evidence", description = "Evidence files of records, checklist lines and review inputs, each with its SHA-256")
class EvidenceApi {

    private final EvidenceManagement evidence;

    EvidenceApi(EvidenceManagement evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/{evidenceId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Download an evidence file: its bytes as uploaded, its name in Content-Disposition and its SHA-256 in Digest")
    ResponseEntity<byte[]> downloadEvidence(@PathVariable UUID organisationId, @PathVariable UUID evidenceId) {
        return evidence.download(CurrentTenant.require(), evidenceId).response();
    }
}
