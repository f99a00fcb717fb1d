package dev.ratchet.identity.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<User, UUID> {

    Optional<User> findByEmail(String email);

    Optional<User> findByCalendarTokenHash(String calendarTokenHash);

    /**
     * Spends a one-time code's time step for the account, unless that step or a later one was spent already: 1 when it
     * was this call that spent it (a single statement, so two sessions or instances cannot both use one code).
     */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update User u set u.totpLastStep = :step where u.id = :id"
            + " and (u.totpLastStep is null or u.totpLastStep < :step)")
    int spendTotpStep(@org.springframework.data.repository.query.Param("id") UUID id,
            @org.springframework.data.repository.query.Param("step") long step);
}
