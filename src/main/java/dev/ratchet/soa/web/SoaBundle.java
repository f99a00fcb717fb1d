package dev.ratchet.soa.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.ratchet.document.DocumentFormat;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.BundleDocuments;
import dev.ratchet.shared.Tenant;
import dev.ratchet.soa.SoaManagement;
import dev.ratchet.soa.SoaVersionView;

import org.springframework.stereotype.Component;

/** The versions of the Statement of Applicability in force during the bundle's period, as approved. */
@Component
class SoaBundle implements BundleDocuments {

    private final SoaManagement soa;
    private final OrganisationManagement organisations;

    SoaBundle(SoaManagement soa, OrganisationManagement organisations) {
        this.soa = soa;
        this.organisations = organisations;
    }

    @Override
    public List<Document> documents(Tenant tenant, LocalDate from, LocalDate to) {
        ZoneId zone = organisations.zone(tenant.organisationId());
        List<Document> documents = new ArrayList<>();
        for (SoaVersionView v : soa.inForceDuring(tenant.organisationId(), from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant())) {
            for (DocumentFormat format : DocumentFormat.values()) {
                documents.add(new Document("statement-of-applicability/version " + v.number() + "." + format.name().toLowerCase(java.util.Locale.ROOT),
                        "Statement of Applicability, version " + v.number(),
                        () -> soa.approvedDocument(tenant.organisationId(), v.id(), format).orElseThrow()));
            }
        }
        return documents;
    }
}
