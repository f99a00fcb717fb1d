package dev.ratchet.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MembershipRepository extends JpaRepository<Membership, UUID> {

    Optional<Membership> findByOrganisationIdAndUserId(UUID organisationId, UUID userId);

    Optional<Membership> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<Membership> findByUserId(UUID userId);

    Optional<Membership> findByOrganisationIdAndSsoSubject(UUID organisationId, String ssoSubject);

    List<Membership> findByOrganisationIdAndActiveTrue(UUID organisationId);

    /**
     * Id, name and e-mail of the organisation's active members whose accounts are enabled: one query and nothing
     * loaded into the session (every page that names people asks for it).
     */
    @Query("""
            select u.id, u.displayName, u.email from Membership m, User u
            where u.id = m.userId and m.organisationId = :organisationId and m.active = true and u.enabled = true""")
    List<Object[]> activePeople(UUID organisationId);

    /** Members with their accounts, filtered and paged in the database. */
    @Query(value = """
            select m, u from Membership m, User u where u.id = m.userId and m.organisationId = :organisationId
            and (lower(u.displayName) like :text or u.email like :text)
            and (:role = '' or concat(',', m.roles, ',') like concat('%,', :role, ',%'))""",
            countQuery = """
            select count(m) from Membership m, User u where u.id = m.userId and m.organisationId = :organisationId
            and (lower(u.displayName) like :text or u.email like :text)
            and (:role = '' or concat(',', m.roles, ',') like concat('%,', :role, ',%'))""")
    Page<Object[]> search(UUID organisationId, String text, String role, Pageable pageable);
}
