package dev.ratchet.identity;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.identity.domain.Passkey;
import dev.ratchet.identity.domain.PasskeyRepository;
import dev.ratchet.shared.Refused;

import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The passkeys of Ratchet's accounts, as Spring Security's WebAuthn relying party stores and finds them: the WebAuthn
 * user is the account (its handle the account id's 16 bytes, never the address), a credential is a {@link Passkey}.
 * A person names, lists and removes their own passkeys under "Your account".
 */
@Service
@Transactional
public class Passkeys implements UserCredentialRepository {

    public record View(UUID id, String label, Instant createdAt, Instant lastUsedAt) {
    }

    private final PasskeyRepository passkeys;
    private final Clock clock;

    Passkeys(PasskeyRepository passkeys, Clock clock) {
        this.passkeys = passkeys;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<View> of(UUID userId) {
        return passkeys.findByUserIdOrderByCreatedAt(userId).stream()
                .map(p -> new View(p.getId(), p.getLabel(), p.getCreatedAt(), p.getLastUsedAt())).toList();
    }

    @Transactional(readOnly = true)
    public boolean any(UUID userId) {
        return passkeys.existsByUserId(userId);
    }

    /** The person removes one of their passkeys; another's is not found. */
    public View remove(UUID userId, UUID passkeyId) {
        Passkey passkey = passkeys.findById(passkeyId).filter(p -> p.getUserId().equals(userId))
                .orElseThrow(() -> Refused.notFound("Passkey"));
        passkeys.delete(passkey);
        passkeys.flush();
        return new View(passkey.getId(), passkey.getLabel(), passkey.getCreatedAt(), passkey.getLastUsedAt());
    }

    // --- the relying party's credentials ---------------------------------------------------------------------------

    @Override
    public void save(CredentialRecord record) {
        String id = record.getCredentialId().toBase64UrlString();
        Passkey passkey = passkeys.findByCredentialId(id).orElse(null);
        if (passkey == null) {
            String label = record.getLabel() == null ? "" : record.getLabel().strip();
            if (label.isEmpty() || label.length() > 80) {
                throw Refused.field("label", "Name the passkey (at most 80 characters), e.g. \"Work laptop\"");
            }
            passkey = passkeys.save(new Passkey(id, userId(record.getUserEntityUserId()), record.getPublicKey().getBytes(),
                    record.getCredentialType() == null ? PublicKeyCredentialType.PUBLIC_KEY.getValue() : record.getCredentialType().getValue(),
                    bytes(record.getAttestationObject()), bytes(record.getAttestationClientDataJSON()), label, clock.instant()));
            passkey.used(record.getSignatureCount(), record.isUvInitialized(), record.isBackupEligible(), record.isBackupState(),
                    transports(record.getTransports()), null);
        }
        else {
            passkey.used(record.getSignatureCount(), record.isUvInitialized(), record.isBackupEligible(), record.isBackupState(),
                    transports(record.getTransports()), clock.instant());
        }
        passkeys.flush();
    }

    @Override
    public void delete(Bytes credentialId) {
        passkeys.findByCredentialId(credentialId.toBase64UrlString()).ifPresent(passkeys::delete);
    }

    @Override
    @Transactional(readOnly = true)
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return passkeys.findByCredentialId(credentialId.toBase64UrlString()).map(Passkeys::record).orElse(null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return passkeys.findByUserIdOrderByCreatedAt(userId(userId)).stream().map(Passkeys::record).toList();
    }

    static Bytes handle(UUID userId) {
        return new Bytes(ByteBuffer.allocate(16).putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits()).array());
    }

    static UUID userId(Bytes handle) {
        ByteBuffer buffer = ByteBuffer.wrap(handle.getBytes());
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static CredentialRecord record(Passkey p) {
        Set<AuthenticatorTransport> transports = p.getTransports() == null || p.getTransports().isBlank() ? Set.of()
                : Arrays.stream(p.getTransports().split(",")).map(AuthenticatorTransport::valueOf)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        return ImmutableCredentialRecord.builder()
                .credentialId(Bytes.fromBase64(p.getCredentialId()))
                .userEntityUserId(handle(p.getUserId()))
                .publicKey(new ImmutablePublicKeyCose(p.getPublicKey()))
                .signatureCount(p.getSignatureCount())
                .uvInitialized(p.isUvInitialized())
                .backupEligible(p.isBackupEligible())
                .backupState(p.isBackupState())
                .transports(transports)
                .credentialType(PublicKeyCredentialType.valueOf(p.getCredentialType()))
                .attestationObject(p.getAttestationObject() == null ? null : new Bytes(p.getAttestationObject()))
                .attestationClientDataJSON(p.getAttestationClientData() == null ? null : new Bytes(p.getAttestationClientData()))
                .label(p.getLabel())
                .created(p.getCreatedAt())
                .lastUsed(p.getLastUsedAt() == null ? p.getCreatedAt() : p.getLastUsedAt())
                .build();
    }

    private static String transports(Set<AuthenticatorTransport> transports) {
        return transports == null ? null : transports.stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(","));
    }

    private static byte[] bytes(Bytes bytes) {
        return bytes == null ? null : bytes.getBytes();
    }
}
