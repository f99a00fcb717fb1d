package dev.ratchet.improvement.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RootCauseAnalysisRepository extends JpaRepository<RootCauseAnalysis, UUID> {

    Optional<RootCauseAnalysis> findByRecordIdAndAttempt(UUID recordId, int attempt);

    List<RootCauseAnalysis> findByRecordIdOrderByAttemptAsc(UUID recordId);

    List<RootCauseAnalysis> findByRecordIdInOrderByAttemptAsc(Collection<UUID> recordIds);
}
