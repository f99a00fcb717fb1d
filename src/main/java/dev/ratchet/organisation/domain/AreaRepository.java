package dev.ratchet.organisation.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AreaRepository extends JpaRepository<Area, UUID> {

    Optional<Area> findByIdAndOrganisationId(UUID id, UUID organisationId);

    @Query("""
            select a from Area a where a.organisationId = :organisationId
            and (lower(a.name) like :text or lower(coalesce(a.description, '')) like :text)""")
    Page<Area> search(UUID organisationId, String text, Pageable pageable);

    List<Area> findByOrganisationIdOrderByName(UUID organisationId);

    boolean existsByOrganisationIdAndNameIgnoreCase(UUID organisationId, String name);

    boolean existsByOrganisationIdAndNameIgnoreCaseAndIdNot(UUID organisationId, String name, UUID id);
}
