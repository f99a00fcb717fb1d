package dev.ratchet.organisation.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationSettings;
import dev.ratchet.organisation.Sector;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
public class Organisation implements OrganisationScoped {

    @Id
    private UUID id;

    private String name;

    private String scopeStatement;

    @Enumerated(EnumType.STRING)
    private Sector sector;

    private String timeZone;

    private int reviewCadenceMonths;

    private int effectivenessWaitDays;

    private int reminderLeadDays;

    private int escalationAfterDays;

    private int trendThreshold;

    private int trendWindowMonths;

    private boolean requireTwoFactor;

    private boolean allowIndependenceOverride;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organisation() {
    }

    public Organisation(OrganisationSettings settings, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.createdAt = createdAt;
        apply(settings);
    }

    public void apply(OrganisationSettings settings) {
        this.name = settings.getName().strip();
        this.scopeStatement = blankToNull(settings.getScopeStatement());
        this.sector = settings.getSector();
        this.timeZone = settings.getTimeZone();
        this.reviewCadenceMonths = settings.getReviewCadenceMonths();
        this.effectivenessWaitDays = settings.getEffectivenessWaitDays();
        this.reminderLeadDays = settings.getReminderLeadDays();
        this.escalationAfterDays = settings.getEscalationAfterDays();
        this.trendThreshold = settings.getTrendThreshold();
        this.trendWindowMonths = settings.getTrendWindowMonths();
        this.requireTwoFactor = settings.isRequireTwoFactor();
        this.allowIndependenceOverride = settings.isAllowIndependenceOverride();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public OrganisationDetails details() {
        return new OrganisationDetails(id, name, scopeStatement, sector, timeZone, reviewCadenceMonths,
                effectivenessWaitDays, reminderLeadDays, escalationAfterDays, trendThreshold, trendWindowMonths,
                requireTwoFactor, allowIndependenceOverride, createdAt, version);
    }

    @Override
    public UUID getOrganisationId() {
        return id;
    }

    public UUID getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }
}
