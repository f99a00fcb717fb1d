package dev.ratchet.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.action.ActionView;
import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.document.Downloads;
import dev.ratchet.document.Outline;
import dev.ratchet.document.PdfDocuments;
import dev.ratchet.history.HistoryEntry;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Tenant;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record document: one improvement record's whole story as PDF and DOCX, in the order of clause 10.2 (report,
 * triage, correction, then each attempt's analysis, actions and effectiveness reviews, ISMS changes, closure) or of
 * 10.1 for an opportunity (evaluation, actions, benefit), with its evidence files and their SHA-256, and its history.
 */
@Service
@Transactional(readOnly = true)
public class ImprovementDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm");

    private final ImprovementManagement improvements;
    private final OrganisationManagement organisations;
    private final CatalogueManagement catalogue;
    private final HistoryManagement history;
    private final PdfDocuments pdf;

    ImprovementDocuments(ImprovementManagement improvements, OrganisationManagement organisations, CatalogueManagement catalogue,
            HistoryManagement history, PdfDocuments pdf) {
        this.improvements = improvements;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.history = history;
        this.pdf = pdf;
    }

    public ResponseEntity<byte[]> pdf(Tenant tenant, UUID id) {
        Outline outline = outline(tenant, id);
        return Downloads.pdf(fileName(outline), outline.pdf(pdf));
    }

    public ResponseEntity<byte[]> docx(Tenant tenant, UUID id) {
        Outline outline = outline(tenant, id);
        return Downloads.docx(fileName(outline), outline.docx());
    }

    /** The PDF's bytes, for the evidence bundle. */
    public byte[] pdfBytes(Tenant tenant, UUID id) {
        return outline(tenant, id).pdf(pdf);
    }

    private static String fileName(Outline outline) {
        return outline.title().substring(0, outline.title().indexOf(' ')) + " record";
    }

    /** Everything the document says, in the order it says it. */
    public Outline outline(Tenant tenant, UUID id) {
        ImprovementView r = improvements.get(tenant, id);
        String organisation = organisations.get(tenant.organisationId()).name();
        ZoneId zone = organisations.zone(tenant.organisationId());
        boolean nc = r.kind() == Kind.NONCONFORMITY;
        Outline doc = new Outline(r.reference() + " " + r.title(),
                r.kind().label() + (r.grade() == null ? "" : " (" + r.grade().label().toLowerCase() + ")") + " · " + r.status().label()
                        + " · " + organisation,
                organisation + " — " + r.reference() + " record document, " + r.status().label().toLowerCase()).logo(organisations.logo(tenant.organisationId()));
        doc.paragraph(nc ? "The record of a nonconformity and its corrective action, as kept under clause 10.2 of ISO/IEC 27001:2022."
                : "The record of an opportunity for improvement, as kept under clause 10.1 of ISO/IEC 27001:2022.");

        doc.heading(1, "Report");
        doc.labelled("Description", r.description())
                .labelled("Source", r.source().label() + (r.sourceReference() == null ? "" : " — " + r.sourceReference()))
                .labelled("Raised by", r.raisedByName() + " on " + day(r.raisedAt(), zone))
                .labelled("Area or process", r.areaName())
                .labelled("Owner", r.ownerName())
                .labelled("Grade", r.grade() == null ? null : r.grade().label())
                .labelled("Target date", r.targetDate() == null ? null : DAY.format(r.targetDate()))
                .labelled("Requirements", r.requirements().stream()
                        .map(k -> catalogue.find(k).map(q -> q.code() + " " + q.title()).orElse(k)).collect(Collectors.joining("\n")))
                .labelled("Tags", r.tags());
        if (r.rejectionReason() != null) {
            doc.heading(1, nc ? "Rejected" : "Evaluation (clause 10.1)").labelled("Reason", r.rejectionReason())
                    .labelled("Rejected on", day(r.closedAt(), zone));
        }
        if (nc) {
            nonconformity(doc, r, zone);
        } else {
            opportunity(doc, r, zone);
        }
        doc.heading(1, "Closure");
        doc.labelled("Status", r.status().label())
                .labelled("Closed on", r.closedAt() == null ? null : day(r.closedAt(), zone));
        if (r.closedAt() == null) {
            doc.paragraph("The record is open.");
        }
        if (r.recurrenceOf() != null) {
            doc.labelled("Recurrence of", r.recurrenceOf().reference() + " " + r.recurrenceOf().title());
        }
        if (r.effectivenessQuestioned()) {
            doc.paragraph("The problem came back after this record was closed: the effectiveness review that closed it is in question.");
        }

        doc.heading(1, "Evidence files");
        doc.table(List.of("File", "Evidence date", "Description", "Uploaded by", "SHA-256"), r.evidence().stream()
                .map(e -> List.of(e.fileName() + " (" + e.size() + ")", e.evidenceDate() == null ? "" : DAY.format(e.evidenceDate()),
                        e.description() == null ? "" : e.description(), e.uploadedByName() + ", " + day(e.uploadedAt(), zone), e.sha256()))
                .toList(), "No files attached.");

        doc.heading(1, "History");
        doc.paragraph("Every change to the record and to what belongs to it (actions, analyses, reviews), oldest first, from the"
                + " tamper-evident history; the entry number is its place in the organisation's hash chain.");
        List<HistoryEntry> entries = new ArrayList<>(history.of(tenant.organisationId(), "ImprovementRecord", r.id().toString()));
        java.util.Collections.reverse(entries);
        doc.table(List.of("Entry", "When", "Who", "What", "Changes"), entries.stream()
                .map(h -> List.of(String.valueOf(h.sequence()), MOMENT.format(h.occurredAt().atZone(zone)),
                        h.actorName() == null ? "" : h.actorName(), what(h), h.changes().stream()
                                .map(c -> c.field() + ": " + (c.before() == null ? shorten(c.after())
                                        : "from " + shorten(c.before()) + " to " + shorten(c.after())))
                                .collect(Collectors.joining("\n"))))
                .toList(), "No history recorded.");
        return doc;
    }

    private void nonconformity(Outline doc, ImprovementView r, ZoneId zone) {
        if (r.correction() != null) {
            doc.heading(1, "Correction and consequences (clause 10.2 a)")
                    .labelled("Correction", r.correction())
                    .labelled("Consequences dealt with", r.consequences())
                    .labelled("Contained on", day(r.containedAt(), zone));
        }
        List<AnalysisView> analyses = r.analyses();
        if (analyses.isEmpty() && r.rootCause() != null) {
            // A record brought over from an earlier tracker: its root cause as the tracker had it.
            doc.heading(1, "Root cause (from the earlier tracker)").labelled("Root cause", r.rootCause());
        }
        int attempts = Math.max(r.attempt(), analyses.stream().mapToInt(AnalysisView::attempt).max().orElse(0));
        for (int n = 1; n <= attempts; n++) {
            int attempt = n;
            AnalysisView a = analyses.stream().filter(x -> x.attempt() == attempt).findFirst().orElse(null);
            List<ActionView> actions = r.actionsOf(attempt);
            List<ImprovementView.Review> reviews = r.reviewsOf(attempt);
            if (a == null && actions.isEmpty() && reviews.isEmpty()) {
                continue;
            }
            doc.heading(1, "Attempt " + attempt + (a == null ? "" : ": " + a.outcome().toLowerCase()));
            if (a != null) {
                doc.heading(2, "Review and root cause analysis (clause 10.2 b)")
                        .labelled("Review of the nonconformity", a.reviewSummary())
                        .labelled("Method", a.method().label())
                        .labelled(a.method() == RcaMethod.FIVE_WHYS ? "Chain of whys" : a.method() == RcaMethod.FISHBONE
                                ? "Causes by category" : "Fault tree", a.working())
                        .labelled("Explanation", a.explanation())
                        .labelled("Root cause", a.rootCause())
                        .labelled("Similar records", a.similarReferences().isEmpty() ? "None linked" : a.similarReferences())
                        .labelled("Could similar nonconformities exist or occur elsewhere", a.couldOccurElsewhere() ? "Yes" : "No")
                        .labelled("Judgement", a.elsewhereJudgement())
                        .labelled("Corrective action needed", a.correctiveActionNeeded() == null ? null
                                : a.correctiveActionNeeded() ? "Yes" : "No, because: " + a.noActionJustification())
                        .labelled("Analysed", (a.analysedByName() == null ? "" : a.analysedByName() + ", ") + day(a.analysedAt(), zone));
            }
            if (!actions.isEmpty()) {
                doc.heading(2, "Corrective actions (clause 10.2 c)");
                actions(doc, actions, zone);
            }
            for (ImprovementView.Review v : reviews) {
                doc.heading(2, "Effectiveness review (clause 10.2 d)")
                        .labelled("Result", v.effective() ? "Effective" : "Not effective: the record went back to analysis")
                        .labelled("Reviewed by", v.reviewerName() + " on " + day(v.reviewedAt(), zone))
                        .labelled("Method", v.method())
                        .labelled("Evidence", v.evidence())
                        .labelled("Independence", v.independenceNote());
            }
        }
        if (r.effectivenessDue() != null && r.status() == Status.IMPLEMENTED) {
            doc.paragraph("The effectiveness review is due on " + DAY.format(r.effectivenessDue()) + ", after the waiting period.");
        }
        if (r.ismsChanges() != null) {
            doc.heading(1, "Changes to the ISMS (clause 10.2 e)").paragraph(r.ismsChanges());
        }
    }

    private void opportunity(Outline doc, ImprovementView r, ZoneId zone) {
        if (r.evaluation() != null && r.evaluation() != Evaluation.REJECTED) {
            doc.heading(1, "Evaluation (clause 10.1)")
                    .labelled("Decision", r.evaluation().label())
                    .labelled("Reason", r.evaluationReason())
                    .labelled("Deferred until", r.deferredUntil() == null ? null : DAY.format(r.deferredUntil()));
        }
        if (!r.actions().isEmpty()) {
            doc.heading(1, "Actions");
            actions(doc, r.actions(), zone);
        }
        if (r.benefitRealised() != null) {
            doc.heading(1, "Benefit realised").paragraph(r.benefitRealised());
        }
    }

    private static void actions(Outline doc, List<ActionView> actions, ZoneId zone) {
        doc.table(List.of("Action", "Owner", "Due", "Success criteria", "Status", "Completion evidence"), actions.stream()
                .map(a -> List.of(a.title() + (a.description() == null ? "" : "\n" + a.description()), a.ownerName(),
                        DAY.format(a.dueDate()) + (a.dueDateChanges() > 0 ? " (planned " + DAY.format(a.originalDueDate()) + ")" : ""),
                        a.successCriteria(), a.status().label() + (a.cancelReason() == null ? "" : ": " + a.cancelReason()),
                        (a.completedAt() == null ? "" : (a.completionEvidence() == null ? "" : a.completionEvidence() + "\n")
                                + (a.completedByName() == null ? "" : a.completedByName() + ", ") + day(a.completedAt(), zone))
                                + files(a)))
                .toList(), "");
    }

    /** The files filed on the action as its evidence, each with its SHA-256, so the auditor sees which file proves it. */
    private static String files(ActionView a) {
        return a.files().stream().map(f -> "\nFile: " + f.fileName() + " (" + f.size() + ", " + DAY.format(f.evidenceDate())
                + (f.description() == null || f.description().isBlank() ? "" : ", " + f.description()) + "), SHA-256 " + f.sha256())
                .collect(java.util.stream.Collectors.joining());
    }

    private static String what(HistoryEntry h) {
        String type = h.recordType().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return switch (h.action()) {
            case CREATE -> "Created " + type;
            case UPDATE -> "Changed " + type;
            case DELETE -> "Deleted " + type;
        };
    }

    private static String shorten(String value) {
        if (value == null) {
            return "(empty)";
        }
        return value.length() <= 300 ? value : value.substring(0, 300) + "…";
    }

    private static String day(Instant instant, ZoneId zone) {
        return instant == null ? null : DAY.format(LocalDate.ofInstant(instant, zone));
    }

}
