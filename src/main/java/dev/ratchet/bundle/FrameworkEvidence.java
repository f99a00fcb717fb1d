package dev.ratchet.bundle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.audit.AuditManagement;
import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.catalogue.Framework;
import dev.ratchet.catalogue.FrameworkScopes;
import dev.ratchet.catalogue.Mapped;
import dev.ratchet.catalogue.Requirement;
import dev.ratchet.document.Outline;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.review.ReviewManagement;
import dev.ratchet.review.ReviewStatus;

import org.springframework.stereotype.Service;

/**
 * What evidences each requirement of one framework over a period, for a bundle built for that framework: per
 * auditable requirement, the improvement records that name it (or a requirement under it), the audits that found it
 * conforming or not, the management reviews (for the requirements that ask for a review), and the same through the
 * requirements of other frameworks mapped to it, marked as such.
 */
@Service
class FrameworkEvidence {

    /** ISO/IEC 27001's management review: a requirement that is (or is mapped to) it or one under it is evidenced by the reviews held. */
    private static final String REVIEW = CatalogueManagement.PRIMARY + ":9.3";

    private final CatalogueManagement catalogue;
    private final FrameworkScopes scopes;
    private final ImprovementManagement improvements;
    private final AuditManagement audits;
    private final ReviewManagement reviews;
    private final OrganisationManagement organisations;

    FrameworkEvidence(CatalogueManagement catalogue, FrameworkScopes scopes, ImprovementManagement improvements, AuditManagement audits,
            ReviewManagement reviews, OrganisationManagement organisations) {
        this.catalogue = catalogue;
        this.scopes = scopes;
        this.improvements = improvements;
        this.audits = audits;
        this.reviews = reviews;
        this.organisations = organisations;
    }

    /** The table, and the records and audits it names (the bundle keeps only those of everything in the period). */
    record Table(Outline outline, Set<UUID> records, Set<UUID> audits) {
    }

    Table of(UUID organisationId, String frameworkId, LocalDate from, LocalDate to) {
        Framework framework = catalogue.framework(frameworkId).orElseThrow();
        Map<String, List<ImprovementView.Link>> records = improvements.activeBetweenByRequirement(organisationId, from, to);
        Map<String, List<AuditManagement.Audited>> audited = audits.auditedBetween(organisationId, from, to);
        List<String> held = reviews.schedule(organisationId).reviews().stream()
                .filter(r -> r.status() == ReviewStatus.APPROVED && !r.plannedDate().isBefore(from) && !r.plannedDate().isAfter(to))
                .map(r -> r.reference()).toList();
        List<String> review = catalogue.withRefinements(REVIEW);
        Set<String> reviewed = new LinkedHashSet<>(review);
        review.forEach(r -> catalogue.mapped(r).forEach(m -> reviewed.add(m.reference())));

        Set<UUID> recordIds = new LinkedHashSet<>();
        Set<UUID> auditIds = new LinkedHashSet<>();
        List<List<String>> rows = new ArrayList<>();
        int evidenced = 0, throughMappings = 0;
        for (Requirement r : catalogue.auditable(frameworkId)) {
            List<String> direct = new ArrayList<>();
            List<String> mapped = new ArrayList<>();
            List<String> auditCells = new ArrayList<>();
            for (String ref : catalogue.withRefinements(r.reference())) {
                records.getOrDefault(ref, List.of()).forEach(l -> { direct.add(l.reference() + " " + l.title()); recordIds.add(l.id()); });
                audited.getOrDefault(ref, List.of()).forEach(a -> { auditCells.add(a.audit() + " " + a.result().label()); auditIds.add(a.auditId()); });
            }
            for (Mapped m : catalogue.mapped(r.reference())) {
                String via = " (through " + scopes.label(m.reference()) + ")";
                records.getOrDefault(m.reference(), List.of()).forEach(l -> { mapped.add(l.reference() + " " + l.title() + via); recordIds.add(l.id()); });
                audited.getOrDefault(m.reference(), List.of()).forEach(a -> { auditCells.add(a.audit() + " " + a.result().label() + via); auditIds.add(a.auditId()); });
            }
            List<String> reviewCells = reviewed.contains(r.reference()) ? held : List.of();
            boolean own = !direct.isEmpty() || auditCells.stream().anyMatch(c -> !c.contains("(through "))
                    || !reviewCells.isEmpty() && review.contains(r.reference());
            if (own) {
                evidenced++;
            } else if (!mapped.isEmpty() || !auditCells.isEmpty() || !reviewCells.isEmpty()) {
                throughMappings++;
            }
            rows.add(List.of(r.code() + " " + r.title(), String.join("\n", direct), String.join("\n", mapped), String.join("\n", auditCells),
                    String.join("\n", reviewCells)));
        }
        String organisation = organisations.get(organisationId).name();
        Outline doc = new Outline(framework.name() + ": evidence " + from + " to " + to, organisation,
                organisation + " — " + framework.name() + " evidence, " + from + " to " + to).logo(organisations.logo(organisationId));
        doc.paragraph("Each requirement of " + framework.name() + " an audit checks, with what evidences it from " + from + " to " + to
                + ": the improvement records that name it, the audits that recorded a result on it and the management reviews held, "
                + "directly or through a requirement of another framework mapped to it (named after \"through\"). "
                + evidenced + " of " + rows.size() + " requirements are evidenced directly, " + throughMappings
                + " more only through mapped requirements.");
        doc.labelled("Framework", framework.name() + " (version " + framework.version() + "; source: " + framework.source() + ")");
        doc.table(List.of("Requirement", "Records naming it", "Records through a mapping", "Audits", "Management reviews"), rows,
                "The framework has no requirement an audit checks.");
        return new Table(doc, recordIds, auditIds);
    }
}
