package dev.ratchet.history.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.history.HistoryEntry;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.history.Verification;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/history")
@Tag(name = "History", description = "Every change to every record, in a hash chain per organisation")
class HistoryApi {

    private final HistoryManagement history;

    HistoryApi(HistoryManagement history) {
        this.history = history;
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The changes to one record and the records belonging to it, newest first, as the caller may read the record (404 otherwise)")
    List<HistoryEntry> listHistory(@PathVariable UUID organisationId, @RequestParam String recordType,
            @RequestParam String recordId) {
        return history.readable(CurrentTenant.require(), recordType, recordId);
    }

    @GetMapping("/verification")
    @PreAuthorize(Access.VERIFY_HISTORY)
    @Operation(summary = "Checks the organisation's whole chain and names the first broken entry, if any")
    Verification verifyHistory(@PathVariable UUID organisationId) {
        return history.verify(CurrentTenant.require().organisationId());
    }
}
