package dev.ratchet.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.action.ActionView;
import dev.ratchet.document.DocxDocument;
import dev.ratchet.document.Downloads;
import dev.ratchet.document.PdfDocuments;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Tenant;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A review as documents: the input pack before the meeting, and the minutes (title page, attendance, each agenda
 * input with the frozen figures and charts and what was discussed, decisions with their rationale, the action table
 * and the approval record) as PDF and DOCX. Both formats are made from the same {@link Minutes}.
 */
@Service
@Transactional(readOnly = true)
public class ReviewDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm");

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final ReviewManagement reviews;
    private final OrganisationManagement organisations;
    private final PdfDocuments pdf;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final java.time.Clock clock;

    ReviewDocuments(ReviewManagement reviews, OrganisationManagement organisations, PdfDocuments pdf,
            org.springframework.jdbc.core.JdbcTemplate jdbc, java.time.Clock clock) {
        this.reviews = reviews;
        this.organisations = organisations;
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One bar of a chart: a label, its count and its length against the longest bar. */
    public record Bar(String label, long value, int percent) {
    }

    /** An action of a decision, as a row of the action table. */
    public record ActionRow(String decision, String title, String owner, String deadline, String successCriteria, String status) {
    }

    /** Everything a document of the review says, as text, in the order it says it. */
    public record Minutes(String organisation, ReviewView review, ReviewPack pack, boolean minutes, String documentTitle,
            String meeting, String period, String packNote, String approval, String quorum, List<Bar> bySource,
            List<Bar> byGrade, List<Bar> byMonth, List<ActionRow> actions, String fileName, String cadence) {

        /** The same minutes with the amendments recorded since they were frozen. */
        Minutes amended(List<AmendmentView> amendments) {
            ReviewView r = review;
            return new Minutes(organisation, new ReviewView(r.id(), r.reference(), r.title(), r.plannedDate(), r.periodFrom(), r.status(),
                    r.externalInternalIssues(), r.interestedParties(), r.riskAssessment(), r.startedAt(), r.pack(), r.frozen(),
                    r.decisions(), r.approvedByName(), r.approvedAt(), r.agenda(), r.attendance(), amendments, r.version()),
                    pack, minutes, documentTitle, meeting, period, packNote, approval, quorum, bySource, byGrade, byMonth, actions,
                    fileName, cadence);
        }

        public AgendaItemView item(String code) {
            return review.item(code);
        }

        public String objectiveStatus(ReviewPack.Objective o) {
            return ReviewDocuments.objectiveStatus(o);
        }

        public String trend(ReviewPack.Objective o) {
            return ReviewDocuments.trend(o);
        }

        public String programmeLine() {
            return programme(pack.programme());
        }

        /** "Feedback: 2, Internal audit: 1", or "none". */
        public String opportunitySources() {
            Map<String, Long> sources = pack.nonconformities().opportunitiesBySource();
            return sources == null || sources.isEmpty() ? "none" : sources.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        }
    }

    public Minutes minutes(Tenant tenant, UUID reviewId, boolean minutes) {
        return minutes(tenant.organisationId(), reviews.read(tenant, reviewId), minutes);
    }

    private Minutes minutes(UUID organisationId, ReviewView r, boolean minutes) {
        OrganisationDetails organisation = organisations.get(organisationId);
        ZoneId zone = ZoneId.of(organisation.timeZone());
        ReviewPack p = r.pack();
        String title = !minutes ? "Management review input pack"
                : r.status() == ReviewStatus.APPROVED ? "Minutes of the management review" : "Draft minutes of the management review";
        String packNote = r.frozen()
                ? "The input pack as management saw it: frozen when the meeting started, " + MOMENT.format(r.startedAt().atZone(zone)) + "."
                : "Live input pack as of " + MOMENT.format(p.assembledAt().atZone(zone)) + ": it changes with the registers until the meeting starts.";
        String approval = r.approvedAt() != null
                ? "Approved by " + r.approvedByName() + ", chair of the Management Review Team, on " + MOMENT.format(r.approvedAt().atZone(zone))
                        + ". The minutes are locked; corrections are recorded as amendments."
                : "Not approved: these minutes are a draft until the chair approves them.";
        ReviewView.Attendance a = r.attendance();
        String quorum = "Quorum " + a.quorum() + " of the team; " + a.teamPresent() + " present: "
                + (a.quorate() ? "the meeting was quorate." : "the meeting was not quorate.");
        List<ActionRow> rows = new ArrayList<>();
        for (DecisionView d : r.decisions()) {
            for (ActionView action : d.actions()) {
                rows.add(new ActionRow("Decision " + d.number(), action.title(), action.ownerName(),
                        action.dueDate() == null ? "" : DAY.format(action.dueDate()),
                        action.successCriteria() == null ? "" : action.successCriteria(), action.status().label()));
            }
        }
        return new Minutes(organisation.name(), r, p, minutes, title, DAY.format(r.plannedDate()),
                DAY.format(p.periodFrom()) + " to " + DAY.format(p.periodTo()), packNote, approval, quorum,
                bars(p.nonconformities().bySource()), bars(p.nonconformities().byGrade()), bars(monthly(p)), rows,
                r.reference() + (minutes ? " minutes" : " input pack"),
                "Management reviews are held every " + months(organisation.reviewCadenceMonths()) + " (clause 9.3.1); the next review is due by "
                        + DAY.format(r.plannedDate().plusMonths(organisation.reviewCadenceMonths())) + ".");
    }

    private static String months(int n) {
        return n == 1 ? "month" : n + " months";
    }

    private static Map<String, Long> monthly(ReviewPack p) {
        Map<String, Long> months = new java.util.LinkedHashMap<>();
        p.months().forEach(m -> months.put(m.month(), m.raised()));
        return months;
    }

    /** An objective's recent measurements, oldest first: "1 (2026-08-31), 2 (2026-09-30)". */
    public static String trend(ReviewPack.Objective o) {
        return o.trend() == null || o.trend().isEmpty() ? "" : o.trend().stream()
                .map(t -> t.value().stripTrailingZeros().toPlainString() + " (" + t.on() + ")").collect(java.util.stream.Collectors.joining(", "));
    }

    static List<Bar> bars(Map<String, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return counts.entrySet().stream()
                .map(e -> new Bar(e.getKey(), e.getValue(), max == 0 ? 0 : (int) Math.max(1, Math.round(100.0 * e.getValue() / max))))
                .toList();
    }

    /**
     * The pack (minutes false) or the minutes as a PDF download. Approved minutes are the document frozen at approval
     * (with any amendment recorded since), byte for byte, not a new rendering of live data.
     */
    public ResponseEntity<byte[]> pdf(Tenant tenant, UUID reviewId, boolean minutes) {
        ReviewView r = reviews.read(tenant, reviewId);
        byte[] frozen = minutes ? frozen(r, "PDF") : null;
        if (frozen != null) {
            return Downloads.pdf(r.reference() + " minutes", frozen);
        }
        Minutes m = minutes(tenant.organisationId(), r, minutes);
        return Downloads.pdf(m.fileName(), renderPdf(m, organisations.logo(tenant.organisationId())));
    }

    /** The minutes as a DOCX download; frozen like the PDF once approved. */
    public ResponseEntity<byte[]> docx(Tenant tenant, UUID reviewId) {
        ReviewView r = reviews.read(tenant, reviewId);
        byte[] frozen = frozen(r, "DOCX");
        if (frozen != null) {
            return Downloads.docx(r.reference() + " minutes", frozen);
        }
        Minutes m = minutes(tenant.organisationId(), r, true);
        return Downloads.docx(m.fileName(), docx(m, organisations.zone(tenant.organisationId()), organisations.logo(tenant.organisationId())));
    }

    private byte[] renderPdf(Minutes m, java.util.Optional<dev.ratchet.organisation.Logo> logo) {
        return pdf.render("review/minutes-pdf", Map.of("m", m), logo);
    }

    /** The frozen document of approved minutes, or null (not approved, or approved before minutes were frozen). */
    private byte[] frozen(ReviewView r, String format) {
        return r.status() == ReviewStatus.APPROVED ? stored(r.id(), format) : null;
    }

    private byte[] stored(UUID reviewId, String format) {
        return jdbc.query("select content from review_document where review_id = ? and format = ?",
                rs -> rs.next() ? rs.getBytes(1) : null, reviewId, format);
    }

    /** Approval freezes the minutes: the model they print and both documents, as they are at this moment. */
    @org.springframework.context.event.EventListener
    @Transactional
    void freeze(ReviewMinutesApproved approved) {
        Minutes m = minutes(approved.organisationId(), reviews.get(approved.organisationId(), approved.reviewId()), true);
        store(approved.organisationId(), approved.reviewId(), "MODEL", JSON.writeValueAsBytes(m));
        render(approved.organisationId(), m);
    }

    /** An amendment is printed with the frozen minutes: everything else stays as approved. */
    @org.springframework.context.event.EventListener
    @Transactional
    void amend(ReviewMinutesAmended amended) {
        byte[] model = stored(amended.reviewId(), "MODEL");
        if (model == null) {
            return; // approved before minutes were frozen: they are rendered when downloaded
        }
        Minutes m = JSON.readValue(model, Minutes.class)
                .amended(reviews.get(amended.organisationId(), amended.reviewId()).amendments());
        render(amended.organisationId(), m);
    }

    private void render(UUID organisationId, Minutes m) {
        // Frozen as approved, logo included: a logo changed later does not change the approved minutes.
        store(organisationId, m.review().id(), "PDF", renderPdf(m, organisations.logo(organisationId)));
        store(organisationId, m.review().id(), "DOCX", docx(m, organisations.zone(organisationId), organisations.logo(organisationId)));
    }

    private void store(UUID organisationId, UUID reviewId, String format, byte[] content) {
        jdbc.update("delete from review_document where review_id = ? and format = ?", reviewId, format);
        jdbc.update("insert into review_document (review_id, organisation_id, format, content, sha256, rendered_at) values (?, ?, ?, ?, ?, ?)",
                reviewId, organisationId, format, content, dev.ratchet.shared.Sha256.hex(content), java.sql.Timestamp.from(clock.instant()));
    }

    private static byte[] docx(Minutes m, ZoneId zone, java.util.Optional<dev.ratchet.organisation.Logo> logo) {
        ReviewView r = m.review();
        ReviewPack p = m.pack();
        DocxDocument doc = new DocxDocument().logo(logo)
                .running(m.organisation() + " — " + r.reference() + " " + m.documentTitle().toLowerCase(java.util.Locale.ROOT),
                        r.approvedAt() != null ? "Approved minutes" : r.status().label())
                .title(m.documentTitle(), m.organisation())
                .paragraph(r.reference() + " " + r.title())
                .labelled("Meeting", m.meeting())
                .labelled("Period reviewed", m.period())
                .labelled("Status", r.status().label())
                .labelled("Approval", m.approval())
                .labelled("Review cadence", m.cadence())
                .paragraph(m.packNote())
                .pageBreak();
        ReviewView.Attendance a = r.attendance();
        doc.heading(1, "Attendance")
                .labelled("Present", a.present().isEmpty() ? "Not recorded" : String.join(", ", a.present()))
                .labelled("Apologies", String.join(", ", a.apologies()))
                .labelled("Also attending", a.others())
                .paragraph(m.quorum());

        doc.heading(1, "Agenda and discussion");
        heading(doc, m, "a");
        if (p.previousActions().isEmpty()) {
            doc.paragraph("No actions from earlier reviews.");
        } else {
            doc.table(List.of("Review", "Action", "Owner", "Due", "Status"), p.previousActions().stream()
                    .map(x -> List.of(x.reference(), x.title(), x.ownerName() == null ? "" : x.ownerName(),
                            x.dueDate() == null ? "" : DAY.format(x.dueDate()), x.status() + (x.overdue() ? ", overdue" : "")
                                    + (x.openAfterTwoReviews() ? ", open after " + x.reviewsSince() + " reviews" : "")))
                    .toList());
        }
        minute(doc, m, "a");
        heading(doc, m, "b");
        doc.paragraph(p.externalInternalIssues() == null ? "Not written." : p.externalInternalIssues());
        if (!p.ismsChanges().isEmpty()) {
            doc.table(List.of("Change to the ISMS", "Planned", "Status"), p.ismsChanges().stream()
                    .map(c -> List.of(c.reference() + " " + c.title(), c.plannedDate() == null ? "" : DAY.format(c.plannedDate()), c.status())).toList());
        }
        attachments(doc, p, "b");
        minute(doc, m, "b");
        heading(doc, m, "c");
        doc.paragraph(p.interestedParties() == null ? "Not written." : p.interestedParties());
        if (!p.obligationChanges().isEmpty()) {
            doc.table(List.of("Obligation", "Effective", "Change", "Impact"), p.obligationChanges().stream()
                    .map(o -> List.of(o.reference() + " " + o.name(), o.effectiveDate() == null ? "" : DAY.format(o.effectiveDate()),
                            o.summary() == null ? "" : o.summary(), o.impact() == null ? "" : o.impact())).toList());
        }
        attachments(doc, p, "c");
        minute(doc, m, "c");
        heading(doc, m, "d");
        ReviewPack.Nonconformities n = p.nonconformities();
        doc.heading(2, "Nonconformities and corrective actions")
                .table(List.of("Figure", "Value"), List.of(
                        List.of("Nonconformities raised in the period", String.valueOf(n.raised())),
                        List.of("Open now", String.valueOf(n.open())),
                        List.of("Past their target date", String.valueOf(n.overdue())),
                        List.of("Nonconformities closed in the period", String.valueOf(n.closed())),
                        List.of("Mean days to close", n.meanDaysToClose() == null ? "no data" : String.valueOf(n.meanDaysToClose())),
                        List.of("Corrective actions effective at first review", n.effectivenessRate() == null ? "no data" : n.effectivenessRate() + "%"),
                        List.of("Recurrences", String.valueOf(n.recurrences())),
                        List.of("Opportunities raised in the period", String.valueOf(n.opportunitiesRaised())),
                        List.of("Opportunities closed in the period", String.valueOf(n.opportunitiesClosed())),
                        List.of("Opportunities raised by source", m.opportunitySources())));
        if (p.trend().size() > 1) {
            doc.paragraph("Against earlier reviews:");
            doc.table(List.of("Review", "Period", "NCs raised", "NCs closed", "Open at the meeting", "Overdue", "Effective at first review",
                    "OFIs raised"), p.trend().stream().map(t -> List.of(t.reference(), DAY.format(t.periodFrom()) + " to " + DAY.format(t.periodTo()),
                    String.valueOf(t.nonconformitiesRaised()), String.valueOf(t.nonconformitiesClosed()), String.valueOf(t.open()),
                    String.valueOf(t.overdue()), t.effectivenessRate() == null ? "no data" : t.effectivenessRate() + "%",
                    String.valueOf(t.opportunitiesRaised()))).toList());
        }
        chart(doc, "Nonconformities raised by source", m.bySource());
        chart(doc, "Nonconformities by grade", m.byGrade());
        if (m.byMonth().size() > 1) {
            chart(doc, "Nonconformities raised per month", m.byMonth());
        }
        doc.heading(2, "Monitoring, measurement and objectives");
        if (p.objectives().isEmpty()) {
            doc.paragraph("No active objectives.");
        } else {
            doc.table(List.of("Objective", "Target", "Latest", "Status", "Recent measurements"), p.objectives().stream()
                    .map(o -> List.of(o.reference() + " " + o.title(), o.target() == null ? "" : o.target(),
                            o.latestValue() == null ? "No data" : o.latestValue().stripTrailingZeros().toPlainString() + " on " + DAY.format(o.latestOn()),
                            objectiveStatus(o), trend(o))).toList());
        }
        doc.heading(2, "Audit results");
        doc.paragraph(programme(p.programme()));
        if (!p.audits().isEmpty()) {
            doc.table(List.of("Audit reported in the period", "Type", "Nonconformities", "Opportunities"), p.audits().stream()
                    .map(x -> List.of(x.reference() + " " + x.title(), x.type(), String.valueOf(x.nonconformities()), String.valueOf(x.opportunities()))).toList());
        }
        if (p.policies() != null) {
            doc.heading(2, "Policy compliance").paragraph(p.policies().summary());
            p.policies().failedChecks().forEach(c -> doc.paragraph("Failed: " + c));
            p.policies().expiredExceptions().forEach(e -> doc.paragraph("Expired exception " + e.reference() + " (" + e.policy() + "): "
                    + e.scope() + ", expired " + e.expiryDate()));
        }
        doc.heading(2, "Incidents and lessons learned");
        if (p.incidents().isEmpty()) {
            doc.paragraph("No incidents detected in the period.");
        } else {
            doc.table(List.of("Incident", "Severity", "Category", "Lessons learned"), p.incidents().stream()
                    .map(i -> List.of(i.reference() + " " + i.title(), i.severity(), i.category(), i.lessonsLearned() == null ? "" : i.lessonsLearned())).toList());
        }
        minute(doc, m, "d");
        heading(doc, m, "e");
        if (p.feedback().isEmpty()) {
            doc.paragraph("No feedback received in the period.");
        } else {
            doc.table(List.of("Feedback", "Received", "From", "Kind", "Status"), p.feedback().stream()
                    .map(f -> List.of(f.reference() + " " + f.subject(), DAY.format(f.receivedOn()), f.from() == null ? "" : f.from(), f.kind(), f.status())).toList());
        }
        minute(doc, m, "e");
        heading(doc, m, "f");
        if (p.risks() != null) {
            doc.table(List.of("Risk level", "Risks now", "At the previous review"), p.risks().byLevel().stream()
                    .map(l -> List.of(l.level(), String.valueOf(l.now()), l.atPreviousReview() == null ? "—" : String.valueOf(l.atPreviousReview())))
                    .toList());
            p.risks().lines().forEach(doc::paragraph);
        }
        if (p.riskAssessment() != null || p.risks() == null) {
            doc.paragraph(p.riskAssessment() == null ? "Not written." : p.riskAssessment());
        }
        attachments(doc, p, "f");
        minute(doc, m, "f");
        heading(doc, m, "g");
        if (p.opportunities().isEmpty()) {
            doc.paragraph("No open opportunities.");
        } else {
            doc.table(List.of("Opportunity", "Status"), p.opportunities().stream().map(o -> List.of(o.reference() + " " + o.title(), o.status())).toList());
        }
        minute(doc, m, "g");
        for (AgendaItemView added : r.addedItems()) {
            doc.heading(2, added.title()).labelled("Minutes", added.minute());
        }

        doc.heading(1, "Decisions (clause 9.3.3)");
        if (r.decisions().isEmpty()) {
            doc.paragraph("No decisions recorded.");
        }
        for (DecisionView d : r.decisions()) {
            doc.heading(2, "Decision " + d.number() + ": " + d.type().label())
                    .paragraph(d.decision())
                    .labelled("Rationale", d.rationale())
                    .labelled("Answers agenda input", String.join(", ", d.inputs()))
                    .labelled("Change-log entry", d.changeReference());
        }
        doc.heading(1, "Actions");
        if (m.actions().isEmpty()) {
            doc.paragraph("No actions decided.");
        } else {
            doc.table(List.of("Decision", "Action", "Owner", "Deadline", "Success criteria", "Status"), m.actions().stream()
                    .map(x -> List.of(x.decision(), x.title(), x.owner(), x.deadline(), x.successCriteria(), x.status())).toList());
        }
        doc.heading(1, "Approval").paragraph(m.approval());
        if (m.minutes() && m.cadence() != null) {
            doc.paragraph(m.cadence());
        }
        if (!r.amendments().isEmpty()) {
            doc.heading(1, "Amendments after approval");
            for (AmendmentView am : r.amendments()) {
                doc.labelled("Amendment " + am.number(), am.correction()).labelled("Reason", am.reason())
                        .paragraph("Recorded by " + am.byName() + " on " + DAY.format(am.at().atZone(zone)) + ".");
            }
        }
        return doc.toBytes();
    }

    private static void heading(DocxDocument doc, Minutes m, String code) {
        doc.heading(2, "(" + code + ") " + ReviewManagement.INPUTS.get(code));
    }

    private static void attachments(DocxDocument doc, ReviewPack p, String code) {
        for (ReviewPack.Attachment f : p.attachedTo(code)) {
            doc.labelled("Attached", f.fileName() + (f.description().isEmpty() ? "" : " (" + f.description() + ")") + ", SHA-256 " + f.sha256());
        }
    }

    private static void minute(DocxDocument doc, Minutes m, String code) {
        AgendaItemView item = m.item(code);
        doc.labelled("Minutes", item == null ? "Not marked yet." : item.minute());
    }

    /** A bar chart in Word: one row per bar, the bar drawn with block characters. */
    private static void chart(DocxDocument doc, String title, List<Bar> bars) {
        if (bars.isEmpty()) {
            return;
        }
        doc.paragraph(title + ":");
        doc.table(List.of("", "Count", ""), bars.stream()
                .map(b -> List.of(b.label(), String.valueOf(b.value()), "\u2588".repeat(Math.max(1, b.percent() / 5)))).toList());
    }

    public static String objectiveStatus(ReviewPack.Objective o) {
        return o.onTarget() == null ? "No data" : o.onTarget() ? "On target"
                : "Off target" + (o.periodsOffTarget() > 1 ? " for " + o.periodsOffTarget() + " periods" : "");
    }

    public static String programme(ReviewPack.AuditProgramme g) {
        return "Audit programme " + g.year() + ": " + g.reported() + " of " + g.planned() + " audits reported (" + g.progress() + "%)"
                + (g.approved() ? "." : "; the current revision is not approved.");
    }
}
