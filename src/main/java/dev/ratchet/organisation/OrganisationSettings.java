package dev.ratchet.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An organisation's settings as a form and an API body: what the ISMS runs by. Defaults suit a small company. */
public class OrganisationSettings {

    @NotBlank(message = "Give the organisation a name")
    @Size(max = 120, message = "A name can have at most 120 characters")
    private String name;

    @Size(max = 4000, message = "The scope statement can have at most 4000 characters")
    private String scopeStatement;

    @NotNull(message = "Choose the kind of organisation")
    private Sector sector = Sector.SMALL_BUSINESS;

    @NotBlank(message = "Choose a time zone")
    @Size(max = 60, message = "Choose a time zone from the list")
    private String timeZone = "Europe/London";

    @Min(value = 1, message = "Reviews are at least a month apart")
    @Max(value = 24, message = "Reviews are at most 24 months apart")
    private int reviewCadenceMonths = 3;

    @Min(value = 0, message = "The waiting period cannot be negative")
    @Max(value = 365, message = "The waiting period is at most a year")
    private int effectivenessWaitDays = 90;

    @Min(value = 0, message = "The lead time cannot be negative")
    @Max(value = 90, message = "Reminders start at most 90 days ahead")
    private int reminderLeadDays = 7;

    @Min(value = 1, message = "Escalate at least a day after the due date")
    @Max(value = 90, message = "Escalate at most 90 days after the due date")
    private int escalationAfterDays = 7;

    @Min(value = 2, message = "A trend needs at least 2 nonconformities")
    @Max(value = 50, message = "Flag a trend at 50 nonconformities at most")
    private int trendThreshold = 3;

    @Min(value = 1, message = "Look back at least 1 month")
    @Max(value = 36, message = "Look back at most 36 months")
    private int trendWindowMonths = 12;

    private boolean requireTwoFactor;

    /** Whether an internal auditor may audit an area they own or work in, with a written justification. */
    private boolean allowIndependenceOverride;

    /** The version the edit started from; a newer stored version means someone else changed it meanwhile. */
    private Long version;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getScopeStatement() { return scopeStatement; }
    public void setScopeStatement(String scopeStatement) { this.scopeStatement = scopeStatement; }
    public Sector getSector() { return sector; }
    public void setSector(Sector sector) { this.sector = sector; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public int getReviewCadenceMonths() { return reviewCadenceMonths; }
    public void setReviewCadenceMonths(int reviewCadenceMonths) { this.reviewCadenceMonths = reviewCadenceMonths; }
    public int getEffectivenessWaitDays() { return effectivenessWaitDays; }
    public void setEffectivenessWaitDays(int effectivenessWaitDays) { this.effectivenessWaitDays = effectivenessWaitDays; }
    public int getReminderLeadDays() { return reminderLeadDays; }
    public void setReminderLeadDays(int reminderLeadDays) { this.reminderLeadDays = reminderLeadDays; }
    public int getEscalationAfterDays() { return escalationAfterDays; }
    public void setEscalationAfterDays(int escalationAfterDays) { this.escalationAfterDays = escalationAfterDays; }
    public int getTrendThreshold() { return trendThreshold; }
    public void setTrendThreshold(int trendThreshold) { this.trendThreshold = trendThreshold; }
    public int getTrendWindowMonths() { return trendWindowMonths; }
    public void setTrendWindowMonths(int trendWindowMonths) { this.trendWindowMonths = trendWindowMonths; }
    public boolean isRequireTwoFactor() { return requireTwoFactor; }
    public void setRequireTwoFactor(boolean requireTwoFactor) { this.requireTwoFactor = requireTwoFactor; }
    public boolean isAllowIndependenceOverride() { return allowIndependenceOverride; }
    public void setAllowIndependenceOverride(boolean allowIndependenceOverride) { this.allowIndependenceOverride = allowIndependenceOverride; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
