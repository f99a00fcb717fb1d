package dev.ratchet.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.ratchet.shared.Actor;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person. Roles are not held here but looked up per request for the organisation in use, so that a
 * role change or a removal takes effect at once.
 */
public final class RatchetPrincipal implements UserDetails, CredentialsContainer, Actor, Serializable {

    /** Granted once the password (and the second factor, where the person has one) is accepted. */
    public static final String SIGNED_IN = "SIGNED_IN";

    /** Granted after the password alone, to a person who still owes the second factor. */
    public static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

    /**
     * Sessions live in the database and outlast a deployment: a fixed version lets a session written by the previous
     * release be read by the next as long as the fields are compatible (a field added reads as null).
     */
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final String email;
    private final String displayName;
    private transient String passwordHash;
    private final boolean enabled;
    private final boolean secondFactorPending;
    private final Instant authenticatedAt;
    private final UUID singleSignOnOrganisation;

    public RatchetPrincipal(UUID userId, String email, String displayName, String passwordHash, boolean enabled,
            boolean secondFactorPending, Instant authenticatedAt) {
        this(userId, email, displayName, passwordHash, enabled, secondFactorPending, authenticatedAt, null);
    }

    /**
     * A person signed in through an organisation's own provider: this session enters that organisation only (another
     * organisation's provider, or password, vouches for the others).
     */
    public RatchetPrincipal(UUID userId, String email, String displayName, String passwordHash, boolean enabled,
            boolean secondFactorPending, Instant authenticatedAt, UUID singleSignOnOrganisation) {
        this.singleSignOnOrganisation = singleSignOnOrganisation;
        this.userId = userId;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.secondFactorPending = secondFactorPending;
        this.authenticatedAt = authenticatedAt;
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    /** Password accepted, one-time code still owed. */
    public boolean secondFactorPending() {
        return secondFactorPending;
    }

    /** The same person once the one-time code is accepted. */
    public RatchetPrincipal withSecondFactorVerified() {
        return new RatchetPrincipal(userId, email, displayName, null, enabled, false, authenticatedAt, singleSignOnOrganisation);
    }

    /** The organisation whose provider signed this session in, or empty for a password (or token) sign-in. */
    public java.util.Optional<UUID> singleSignOnOrganisation() {
        return java.util.Optional.ofNullable(singleSignOnOrganisation);
    }

    public Instant authenticatedAt() {
        return authenticatedAt;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(secondFactorPending ? SECOND_FACTOR_PENDING : SIGNED_IN));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RatchetPrincipal p && p.userId.equals(userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        return email;
    }
}
