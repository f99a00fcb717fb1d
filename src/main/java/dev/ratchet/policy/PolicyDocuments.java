package dev.ratchet.policy;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.document.DocxDocument;
import dev.ratchet.document.Downloads;
import dev.ratchet.document.PdfDocuments;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Tenant;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A policy version as PDF and DOCX: title page, the document version control table, a contents page and the text.
 * Both are made from the same {@link Document}.
 */
@Service
@Transactional(readOnly = true)
public class PolicyDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final PolicyManagement policies;
    private final OrganisationManagement organisations;
    private final PdfDocuments pdf;

    PolicyDocuments(PolicyManagement policies, OrganisationManagement organisations, PdfDocuments pdf) {
        this.policies = policies;
        this.organisations = organisations;
        this.pdf = pdf;
    }

    /** A row of the version table. */
    public record VersionRow(String number, String status, String date, String change, String approvedBy) {
    }

    public record Document(String organisation, PolicyViews.Policy policy, PolicyViews.Version version, List<VersionRow> history,
            List<Markdown.Entry> contents, String statusLine, String fileName) {
    }

    public Document document(Tenant tenant, UUID policyId, UUID versionId) {
        PolicyViews.Policy p = policies.get(tenant, policyId);
        PolicyViews.Version v = policies.version(tenant, policyId, versionId);
        OrganisationDetails organisation = organisations.get(tenant.organisationId());
        ZoneId zone = ZoneId.of(organisation.timeZone());
        List<VersionRow> rows = new ArrayList<>();
        for (PolicyViews.Version row : p.versions()) {
            rows.add(new VersionRow(row.number(), row.status().label(), DAY.format((row.approvedAt() != null ? row.approvedAt() : row.createdAt()).atZone(zone)),
                    row.changeSummary(), row.approvedByName() == null ? "" : row.approvedByName()));
        }
        String status = v.status() == VersionStatus.APPROVED ? "Approved by " + v.approvedByName() + " on " + DAY.format(v.approvedAt().atZone(zone))
                : v.status() == VersionStatus.SUPERSEDED ? "Superseded; approved by " + v.approvedByName() + " on " + DAY.format(v.approvedAt().atZone(zone))
                : v.status().label() + ": not approved, not in force";
        return new Document(organisation.name(), p, v, rows, v.contents().stream().filter(e -> e.level() >= 2 && e.level() <= 3).toList(),
                status, p.reference() + " " + p.title() + " v" + v.number());
    }

    public ResponseEntity<byte[]> pdf(Tenant tenant, UUID policyId, UUID versionId) {
        Document d = document(tenant, policyId, versionId);
        return Downloads.pdf(d.fileName(), pdf.render("policy/policy-pdf", Map.of("d", d), organisations.logo(tenant.organisationId())));
    }

    public ResponseEntity<byte[]> docx(Tenant tenant, UUID policyId, UUID versionId) {
        Document d = document(tenant, policyId, versionId);
        DocxDocument doc = new DocxDocument().logo(organisations.logo(tenant.organisationId())).running(d.organisation() + " — " + d.policy().reference() + " " + d.policy().title(),
                        "Version " + d.version().number() + ", " + d.statusLine())
                .title(d.policy().title(), d.organisation())
                .labelled("Reference", d.policy().reference())
                .labelled("Version", d.version().number())
                .labelled("Status", d.statusLine())
                .labelled("Classification", d.policy().classification())
                .labelled("Owner", d.policy().ownerName())
                .labelled("Next review", d.policy().nextReviewDate() == null ? null : DAY.format(d.policy().nextReviewDate()));
        doc.heading(1, "Document version control").table(List.of("Version", "Status", "Date", "What changed", "Approved by"),
                d.history().stream().map(r -> List.of(r.number(), r.status(), r.date(), r.change(), r.approvedBy())).toList());
        doc.heading(1, "Contents");
        d.contents().forEach(e -> doc.paragraph((e.level() == 3 ? "    " : "") + e.text()));
        doc.pageBreak();
        for (Node node = Markdown.parse(d.version().content()).getFirstChild(); node != null; node = node.getNext()) {
            write(doc, node, "");
        }
        return Downloads.docx(d.fileName(), doc.toBytes());
    }

    /** The Markdown blocks as Word paragraphs: headings with Word's heading styles, list items with bullets or numbers. */
    private static void write(DocxDocument doc, Node node, String indent) {
        if (node instanceof Heading heading) {
            doc.heading(Math.max(1, heading.getLevel() - 1), Markdown.text(heading));
        }
        else if (node instanceof BulletList || node instanceof OrderedList) {
            int number = node instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null ? ordered.getMarkerStartNumber() : 1;
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                String marker = node instanceof OrderedList ? (number++) + ". " : "\u2022 ";
                if (item instanceof ListItem) {
                    Node first = item.getFirstChild();
                    doc.paragraph(indent + marker + (first == null ? "" : Markdown.text(first)));
                    for (Node nested = first == null ? null : first.getNext(); nested != null; nested = nested.getNext()) {
                        write(doc, nested, indent + "    ");
                    }
                }
            }
        }
        else {
            doc.paragraph(indent + Markdown.text(node));
        }
    }
}
