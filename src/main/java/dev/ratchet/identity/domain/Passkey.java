package dev.ratchet.identity.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.HistoryIgnored;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A passkey of an account (a WebAuthn credential): the public key and what the relying party checks at each use, the
 * name the person gave it, when it was made and last used. The key material and the counter are left out of the
 * history (they are not the person's doing); the making, renaming and removal are in it.
 */
@Entity
public class Passkey {

    @Id
    private UUID id;

    @Column(updatable = false)
    private String credentialId;

    @Column(updatable = false)
    private UUID userId;

    @HistoryIgnored
    @Column(updatable = false)
    private byte[] publicKey;

    @HistoryIgnored
    private long signatureCount;

    @HistoryIgnored
    private boolean uvInitialized;

    @HistoryIgnored
    private boolean backupEligible;

    @HistoryIgnored
    private boolean backupState;

    private String transports;

    private String credentialType;

    @HistoryIgnored
    @Column(updatable = false)
    private byte[] attestationObject;

    @HistoryIgnored
    @Column(updatable = false)
    private byte[] attestationClientData;

    private String label;

    @Column(updatable = false)
    private Instant createdAt;

    @HistoryIgnored
    private Instant lastUsedAt;

    @Version
    private long version;

    protected Passkey() {
    }

    public Passkey(String credentialId, UUID userId, byte[] publicKey, String credentialType, byte[] attestationObject,
            byte[] attestationClientData, String label, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.credentialId = credentialId;
        this.userId = userId;
        this.publicKey = publicKey;
        this.credentialType = credentialType;
        this.attestationObject = attestationObject;
        this.attestationClientData = attestationClientData;
        this.label = label;
        this.createdAt = createdAt;
    }

    /** What the relying party learnt at this use: the counter, the flags, when. */
    public void used(long signatureCount, boolean uvInitialized, boolean backupEligible, boolean backupState, String transports,
            Instant lastUsedAt) {
        this.signatureCount = signatureCount;
        this.uvInitialized = uvInitialized;
        this.backupEligible = backupEligible;
        this.backupState = backupState;
        this.transports = transports;
        this.lastUsedAt = lastUsedAt;
    }

    public UUID getId() { return id; }
    public String getCredentialId() { return credentialId; }
    public UUID getUserId() { return userId; }
    public byte[] getPublicKey() { return publicKey; }
    public long getSignatureCount() { return signatureCount; }
    public boolean isUvInitialized() { return uvInitialized; }
    public boolean isBackupEligible() { return backupEligible; }
    public boolean isBackupState() { return backupState; }
    public String getTransports() { return transports; }
    public String getCredentialType() { return credentialType; }
    public byte[] getAttestationObject() { return attestationObject; }
    public byte[] getAttestationClientData() { return attestationClientData; }
    public String getLabel() { return label; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public long getVersion() { return version; }
}
