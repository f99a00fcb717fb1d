package dev.ratchet.feedback.api;

import java.util.UUID;

import dev.ratchet.feedback.FeedbackForm;
import dev.ratchet.feedback.FeedbackKind;
import dev.ratchet.feedback.FeedbackManagement;
import dev.ratchet.feedback.FeedbackStatus;
import dev.ratchet.feedback.FeedbackSummary;
import dev.ratchet.feedback.FeedbackView;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import dev.ratchet.tabular.ImportFile;
import dev.ratchet.tabular.Imports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/feedback")
@Tag(name = "Feedback", description = "Concerns and ideas from members and feedback from interested parties, and their triage")
class FeedbackApi {

    private final FeedbackManagement feedback;
    private final Imports imports;

    FeedbackApi(FeedbackManagement feedback, Imports imports) {
        this.feedback = feedback;
        this.imports = imports;
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Feedback, latest first; a contributor sees their own; anonymous reporters are named to the ISMS manager only")
    Paged<FeedbackSummary> listFeedback(@PathVariable UUID organisationId, @RequestParam(required = false) FeedbackStatus status,
            @RequestParam(required = false) FeedbackKind kind, @RequestParam(required = false) Boolean fromParties,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(feedback.search(CurrentTenant.require(), status, kind, fromParties, q,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), Sort.by(Sort.Direction.DESC, "receivedOn", "reference"))));
    }

    @PostMapping
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a concern or idea; the ISMS manager also records feedback from interested parties (partyType)")
    FeedbackView submitFeedback(@PathVariable UUID organisationId, @Valid @RequestBody FeedbackForm form) {
        return feedback.submit(CurrentTenant.require(), form);
    }

    @GetMapping("/{feedbackId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "One piece of feedback with what was done about it")
    FeedbackView getFeedback(@PathVariable UUID organisationId, @PathVariable UUID feedbackId) {
        return feedback.get(CurrentTenant.require(), feedbackId);
    }

    @org.springframework.web.bind.annotation.PutMapping("/{feedbackId}")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Correct feedback that has not been dealt with yet (the reporter or the ISMS manager)")
    FeedbackView updateFeedback(@PathVariable UUID organisationId, @PathVariable UUID feedbackId, @Valid @RequestBody FeedbackForm form) {
        return feedback.update(CurrentTenant.require(), feedbackId, form);
    }

    record ClosingBody(@Size(max = 4000, message = "The reply can have at most 4000 characters") String reply, Long version) {
    }

    @PostMapping("/{feedbackId}/closure")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Close the feedback with a reply")
    FeedbackView closeFeedback(@PathVariable UUID organisationId, @PathVariable UUID feedbackId, @Valid @RequestBody ClosingBody body) {
        return feedback.close(CurrentTenant.require(), feedbackId, body.reply(), body.version());
    }

    @PostMapping("/{feedbackId}/improvements")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Triage the feedback into an improvement record, linked to it")
    FeedbackView raiseFromFeedback(@PathVariable UUID organisationId, @PathVariable UUID feedbackId, @Valid @RequestBody RaiseForm form) {
        return feedback.raise(CurrentTenant.require(), feedbackId, form);
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "multipart/form-data"})
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Import interested parties' feedback from CSV: all rows or none; dryRun=true writes nothing; problems by row and column (422)")
    ResponseEntity<Imports.Outcome> importFeedback(@PathVariable UUID organisationId, ImportFile body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return imports.answer(CurrentTenant.require(), feedback, body.content(), dryRun);
    }

    @GetMapping("/export.csv")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "All feedback, in the columns the import reads, as CSV (UTF-8)")
    void exportFeedbackCsv(@PathVariable UUID organisationId, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        dev.ratchet.shared.Tenant tenant = CurrentTenant.require();
        dev.ratchet.tabular.TableExport.respond(request, response, "feedback", "Feedback", dev.ratchet.feedback.FeedbackColumns.COLUMNS,
                dev.ratchet.tabular.TableExport.allPages(page -> feedback.search(tenant, null, null, null, null, page),
                        org.springframework.data.domain.Sort.by("receivedOn", "reference")));
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "All feedback, in the columns the import reads, as XLSX")
    void exportFeedbackXlsx(@PathVariable UUID organisationId, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        // TableExport writes the format of the request's path: the same rows as the CSV, as XLSX.
        exportFeedbackCsv(organisationId, request, response);
    }
}
