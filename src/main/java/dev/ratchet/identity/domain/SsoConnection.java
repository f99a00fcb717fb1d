package dev.ratchet.identity.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.ratchet.shared.HistoryIgnored;
import dev.ratchet.shared.HistoryRedacted;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An organisation's OpenID Connect provider: where it is (the issuer, found by discovery), how Ratchet is known to it
 * (client id and secret; the secret is never shown again and the history keeps only that it changed), the e-mail
 * domains it covers, the claim that carries the person's groups, and how strictly the organisation uses it.
 */
@Entity
public class SsoConnection implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    private String displayName;
    private String issuer;
    private String clientId;

    @HistoryRedacted
    private String clientSecret;

    /** The covered domains, comma-separated (the sso_domain table holds them one a row, unique in the installation). */
    private String domains;

    private String groupsClaim;
    private boolean justInTime;
    private boolean ssoOnly;
    private boolean enabled;

    @Column(updatable = false)
    private Instant createdAt;

    @HistoryIgnored
    private Instant updatedAt;

    @Version
    private long version;

    protected SsoConnection() {
    }

    public SsoConnection(UUID organisationId, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.createdAt = now;
        this.updatedAt = now;
        this.enabled = true;
    }

    /** Everything but the secret, which changes only when a new one is given. */
    public void configure(String displayName, String issuer, String clientId, List<String> domains, String groupsClaim,
            boolean justInTime, boolean ssoOnly, boolean enabled, Instant now) {
        this.displayName = displayName;
        this.issuer = issuer;
        this.clientId = clientId;
        this.domains = String.join(",", domains);
        this.groupsClaim = groupsClaim;
        this.justInTime = justInTime;
        this.ssoOnly = ssoOnly;
        this.enabled = enabled;
        this.updatedAt = now;
    }

    public void useSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    @Override
    public UUID getOrganisationId() {
        return organisationId;
    }

    public UUID getId() { return id; }
    public String getDisplayName() { return displayName; }
    public String getIssuer() { return issuer; }
    public String getClientId() { return clientId; }
    public String getClientSecret() { return clientSecret; }
    public List<String> getDomains() { return domains == null || domains.isBlank() ? List.of() : Arrays.asList(domains.split(",")); }
    public String getGroupsClaim() { return groupsClaim; }
    public boolean isJustInTime() { return justInTime; }
    public boolean isSsoOnly() { return ssoOnly; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }

    @Override
    public String toString() {
        // Never the secret, wherever an object is printed.
        return "SsoConnection[" + id + ", " + issuer + ", client " + clientId + "]";
    }
}
