package dev.ratchet.identity.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<User, UUID> {

    Optional<User> findByEmail(String email);

    Optional<User> findByCalendarTokenHash(String calendarTokenHash);

    /** The account, its row locked until the transaction ends: requests about one account wait for each other. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select u from User u where u.id = :id")
    Optional<User> lockById(@org.springframework.data.repository.query.Param("id") UUID id);

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
