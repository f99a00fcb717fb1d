package dev.ratchet.change.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface IsmsChangeRepository extends JpaRepository<IsmsChange, UUID>, JpaSpecificationExecutor<IsmsChange> {

    Optional<IsmsChange> findByIdAndOrganisationId(UUID id, UUID organisationId);

    Optional<IsmsChange> findFirstByOrganisationIdAndReferenceIgnoreCase(UUID organisationId, String reference);

    @Query("select upper(c.reference) from IsmsChange c where c.organisationId = :organisationId and upper(c.reference) in :references")
    List<String> existingReferences(UUID organisationId, Collection<String> references);
}
