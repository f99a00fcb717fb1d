package dev.ratchet.soa;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What changed between two versions of the Statement of Applicability, control by control and field by field. */
@Schema(name = "SoaDiff")
public record SoaDiff(int from, int to, List<Change> changes) {

    @Schema(name = "SoaChange")
    public record Change(String code, String title, String field, String before, String after) {
    }
}
