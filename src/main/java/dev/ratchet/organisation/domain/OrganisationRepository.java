package dev.ratchet.organisation.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationRepository extends JpaRepository<Organisation, UUID> {
}
