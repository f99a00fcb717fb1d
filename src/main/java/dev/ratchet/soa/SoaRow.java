package dev.ratchet.soa;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** One control of the Statement of Applicability as it stands, with the reasons Ratchet finds for it and its problems. */
@Schema(name = "SoaRow")
public record SoaRow(String reference, String code, String title, String theme,
        @Schema(description = "Empty until the organisation decides whether the control applies") Boolean applicable,
        @Schema(description = "The records calling for the control: risks naming it or treated by it, obligations and nonconformities naming it, policies covering it")
        List<Reason> reasons, String otherReasons, String exclusionJustification, ImplementationStatus status, String implementation,
        UUID ownerId, String ownerName, List<Reason> policies, List<Evidence> evidence, Integer evidenceValidMonths,
        List<String> problems, long version) {

    @Schema(name = "SoaReason")
    public record Reason(String kind, UUID id, String reference, String title, String path) {
    }

    @Schema(name = "SoaEvidence")
    public record Evidence(UUID id, String fileName, LocalDate evidenceDate, boolean stale) {
    }

    /** The justification as one text, as the documents print it. */
    public String justification() {
        if (Boolean.FALSE.equals(applicable)) {
            return "Excluded: " + (exclusionJustification == null ? "" : exclusionJustification);
        }
        List<String> parts = new java.util.ArrayList<>();
        reasons.forEach(r -> parts.add(r.kind().toLowerCase(java.util.Locale.ROOT) + " " + r.reference() + " " + r.title()));
        if (otherReasons != null) {
            parts.add(otherReasons);
        }
        return String.join("; ", parts);
    }
}
