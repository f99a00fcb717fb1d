package dev.ratchet.policy.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PolicyExceptionRepository extends JpaRepository<PolicyException, UUID> {

    Optional<PolicyException> findByIdAndOrganisationId(UUID id, UUID organisationId);

    Page<PolicyException> findByOrganisationId(UUID organisationId, Pageable pageable);

    Page<PolicyException> findByOrganisationIdAndClosedAtIsNullAndExpiryDateBefore(UUID organisationId, LocalDate day, Pageable pageable);

    List<PolicyException> findByPolicyIdOrderByExpiryDate(UUID policyId);

    long countByOrganisationIdAndClosedAtIsNullAndExpiryDateBefore(UUID organisationId, LocalDate day);

    long countByOrganisationIdAndClosedAtIsNullAndExpiryDateBetween(UUID organisationId, LocalDate from, LocalDate to);

    List<PolicyException> findByOrganisationIdAndClosedAtIsNullAndExpiryDateBeforeOrderByExpiryDate(UUID organisationId, LocalDate day);
}
