package dev.ratchet.review.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewTeamRepository extends JpaRepository<ReviewTeam, UUID> {
}
