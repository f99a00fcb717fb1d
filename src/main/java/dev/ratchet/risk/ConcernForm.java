package dev.ratchet.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A record of the improvement loop that concerns a risk, named by its reference. */
@Schema(name = "RiskConcernForm")
public class ConcernForm implements java.io.Serializable {

    @NotBlank(message = "Give the record's reference, such as NC-2026-004, INC-2026-002, CHG-2026-001 or OBL-003")
    @Size(max = 60, message = "A reference has at most 60 characters")
    @Schema(description = "A nonconformity, opportunity or audit finding (NC-…, OFI-…), an incident (INC-…), an ISMS change (CHG-…) or an obligation (OBL-…)")
    private String reference;

    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
}
