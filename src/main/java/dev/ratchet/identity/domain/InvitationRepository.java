package dev.ratchet.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    Optional<Invitation> findByIdAndOrganisationId(UUID id, UUID organisationId);

    /** Invitations not yet accepted or withdrawn (expired ones included, to send again), newest first. */
    @Query("""
            select i from Invitation i where i.organisationId = :organisationId and i.acceptedAt is null
            and i.withdrawnAt is null order by i.createdAt desc, i.email""")
    Page<Invitation> open(UUID organisationId, Pageable pageable);

    @Query("""
            select i from Invitation i where i.email = :email and i.acceptedAt is null and i.withdrawnAt is null
            order by i.createdAt""")
    List<Invitation> findOpenByEmail(String email);

    @Query("""
            select i from Invitation i where i.organisationId = :organisationId and i.email in :emails
            and i.acceptedAt is null and i.withdrawnAt is null""")
    List<Invitation> openFor(UUID organisationId, java.util.Collection<String> emails);
}
