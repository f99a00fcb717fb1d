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
        EvidenceManagement.Download file = evidence.download(CurrentTenant.require(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(file.sha256())))
                .body(file.content());
    }
}
