package dev.ratchet.review.api;

import java.util.UUID;

import dev.ratchet.review.AgendaItemForm;
import dev.ratchet.review.AmendmentForm;
import dev.ratchet.review.InputsForm;
import dev.ratchet.review.MinutesForm;
import dev.ratchet.review.ReviewDocuments;
import dev.ratchet.review.ReviewManagement;
import dev.ratchet.review.ReviewPack;
import dev.ratchet.review.ReviewView;
import dev.ratchet.review.Schedule;
import dev.ratchet.review.ScheduleForm;
import dev.ratchet.review.TeamForm;
import dev.ratchet.review.TeamView;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}")
@Tag(name = "Management reviews", description = "Clause 9.3: the team, the schedule, the input pack, the minutes with decisions and actions, approval and amendments")
class ReviewApi {

    private final ReviewManagement reviews;
    private final ReviewDocuments documents;

    ReviewApi(ReviewManagement reviews, ReviewDocuments documents) {
        this.reviews = reviews;
        this.documents = documents;
    }

    @GetMapping("/review-team")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The management review team")
    TeamView getReviewTeam(@PathVariable UUID organisationId) {
        return reviews.team(CurrentTenant.require().organisationId());
    }

    @PutMapping("/review-team")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Set the chair, deputies, members, quorum and oversight statement")
    TeamView updateReviewTeam(@PathVariable UUID organisationId, @Valid @RequestBody TeamForm form) {
        return reviews.saveTeam(CurrentTenant.require(), form);
    }

    @GetMapping("/reviews")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The reviews held and planned, and when the next is due at the organisation's interval (a guest auditor sees the reviews with approved minutes only)")
    Schedule getReviewSchedule(@PathVariable UUID organisationId) {
        return reviews.scheduleFor(CurrentTenant.require());
    }

    @PostMapping("/reviews")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan the next review")
    ReviewView planReview(@PathVariable UUID organisationId, @Valid @RequestBody ScheduleForm form) {
        return reviews.schedule(CurrentTenant.require(), form);
    }

    @GetMapping("/reviews/{reviewId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "A review with its input pack, decisions and approval (a guest auditor reads approved minutes only)")
    ReviewView getReview(@PathVariable UUID organisationId, @PathVariable UUID reviewId) {
        return reviews.read(CurrentTenant.require(), reviewId);
    }

    @GetMapping("/reviews/{reviewId}/pack")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The input pack of clause 9.3.2 as JSON")
    ReviewPack getReviewPack(@PathVariable UUID organisationId, @PathVariable UUID reviewId) {
        return reviews.read(CurrentTenant.require(), reviewId).pack();
    }

    @PostMapping("/reviews/{reviewId}/approval")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The chair approves the minutes; the review is locked from then on")
    ReviewView approveMinutes(@PathVariable UUID organisationId, @PathVariable UUID reviewId, @RequestBody StartBody body) {
        return reviews.approve(CurrentTenant.require(), reviewId, body.version());
    }

    @PutMapping("/reviews/{reviewId}/inputs")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Write the inputs Ratchet holds no data for (9.3.2 b, c, f) before the meeting")
    ReviewView updateReviewInputs(@PathVariable UUID organisationId, @PathVariable UUID reviewId, @Valid @RequestBody InputsForm form) {
        return reviews.writeInputs(CurrentTenant.require(), reviewId, form);
    }

    @PostMapping("/reviews/{reviewId}/decisions")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a decision (the chair or the ISMS manager) with its rationale, the inputs it answers and its actions")
    ReviewView recordDecision(@PathVariable UUID organisationId, @PathVariable UUID reviewId, @Valid @RequestBody dev.ratchet.review.DecisionForm form) {
        return reviews.decide(CurrentTenant.require(), reviewId, form);
    }

    record StartBody(Long version) {
    }

    @PostMapping("/reviews/{reviewId}/start")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Start the meeting (the chair or the ISMS manager): the pack is frozen")
    ReviewView startReview(@PathVariable UUID organisationId, @PathVariable UUID reviewId, @RequestBody StartBody body) {
        return reviews.start(CurrentTenant.require(), reviewId, body.version());
    }

    @PutMapping("/reviews/{reviewId}/minutes")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Write the minutes in the meeting (the chair or the ISMS manager): attendance, and per agenda item whether it was discussed, with notes; an item not discussed says why")
    ReviewView recordMinutes(@PathVariable UUID organisationId, @PathVariable UUID reviewId, @Valid @RequestBody MinutesForm form) {
        return reviews.writeMinutes(CurrentTenant.require(), reviewId, form);
    }

    @PostMapping("/reviews/{reviewId}/agenda")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an item to the agenda after the inputs of clause 9.3.2 (the chair or the ISMS manager, until approval)")
    ReviewView addAgendaItem(@PathVariable UUID organisationId, @PathVariable UUID reviewId, @Valid @RequestBody AgendaItemForm form) {
        return reviews.addAgendaItem(CurrentTenant.require(), reviewId, form);
    }

    @PostMapping("/reviews/{reviewId}/amendments")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a correction to approved minutes as a linked amendment (the chair or the ISMS manager)")
    ReviewView amendMinutes(@PathVariable UUID organisationId, @PathVariable UUID reviewId, @Valid @RequestBody AmendmentForm form) {
        return reviews.amend(CurrentTenant.require(), reviewId, form);
    }

    @GetMapping("/reviews/{reviewId}/pack.pdf")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The input pack as PDF, live before the meeting and frozen from its start")
    ResponseEntity<byte[]> downloadReviewPackPdf(@PathVariable UUID organisationId, @PathVariable UUID reviewId) {
        return documents.pdf(CurrentTenant.require(), reviewId, false);
    }

    @GetMapping("/reviews/{reviewId}/minutes.pdf")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The minutes as PDF (a draft until the chair approves them)")
    ResponseEntity<byte[]> downloadMinutesPdf(@PathVariable UUID organisationId, @PathVariable UUID reviewId) {
        return documents.pdf(CurrentTenant.require(), reviewId, true);
    }

    @GetMapping("/reviews/{reviewId}/minutes.docx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The minutes as DOCX (a draft until the chair approves them)")
    ResponseEntity<byte[]> downloadMinutesDocx(@PathVariable UUID organisationId, @PathVariable UUID reviewId) {
        return documents.docx(CurrentTenant.require(), reviewId);
    }

    @PostMapping("/reviews/{reviewId}/attachments")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a file to one input of the review pack (input a to g; multipart part \"file\")")
    dev.ratchet.evidence.EvidenceView attachReviewInput(@PathVariable UUID organisationId, @PathVariable UUID reviewId,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @RequestParam(required = false) String input, @RequestParam(required = false) String description) throws java.io.IOException {
        return reviews.attach(CurrentTenant.require(), reviewId, input, dev.ratchet.evidence.EvidenceManagement.Upload.of(file, null, description));
    }
}
