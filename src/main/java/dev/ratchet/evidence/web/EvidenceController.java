package dev.ratchet.evidence.web;

import java.util.UUID;

import dev.ratchet.evidence.EvidenceManagement;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Evidence is always downloaded, never shown inline: a file cannot run as a page of Ratchet. */
@Controller
class EvidenceController {

    private final EvidenceManagement evidence;

    EvidenceController(EvidenceManagement evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/evidence/{id}")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        return evidence.download(CurrentTenant.require(), id).response();
    }
}
