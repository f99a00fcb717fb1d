package dev.ratchet.soa;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** An approved version of the Statement of Applicability. */
@Schema(name = "SoaVersion")
public record SoaVersionView(UUID id, int number, VersionStatus status, UUID approvedBy, String approvedByName, Instant approvedAt,
        String note, int applicable, int excluded, int implemented) {
}
