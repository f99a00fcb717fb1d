package dev.ratchet.obligation.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ObligationAmendmentRepository extends JpaRepository<ObligationAmendment, UUID> {

    List<ObligationAmendment> findByObligationIdOrderByEffectiveDateDesc(UUID obligationId);

    List<ObligationAmendment> findByOrganisationIdAndEffectiveDateBetweenOrderByEffectiveDate(UUID organisationId,
            java.time.LocalDate from, java.time.LocalDate to);
}
