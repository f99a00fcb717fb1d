package dev.ratchet.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

    final MutableClock clock = new MutableClock();
    final LoginThrottle throttle = new LoginThrottle(5, 100, 10, Duration.ofMinutes(15), clock);

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        @Override
        public ZoneOffset getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override
        public Instant instant() { return now; }
    }

    @Test
    void aClientIsBlockedForAnAccountAfterFiveFailuresAndOtherClientsAreNot() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.isBlocked("ann@example.com", "address:203.0.113.9", "203.0.113.9", false)).isFalse();
            throttle.failed("ANN@example.com ", "address:203.0.113.9", "203.0.113.9");
        }
        assertThat(throttle.isBlocked("ann@example.com", "address:203.0.113.9", "203.0.113.9", false)).isTrue();
        assertThat(throttle.isBlocked("ann@example.com", "address:198.51.100.4", "198.51.100.4", false)).isFalse();
        assertThat(throttle.isBlocked("bob@example.com", "address:203.0.113.9", "203.0.113.9", false)).isFalse();
    }

    @Test
    void anOfficeBehindOneAddressIsNotLockedOutByOnePersonsTypos() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("typist@example.com", "address:192.0.2.7", "192.0.2.7");
        }
        assertThat(throttle.isBlocked("colleague@example.com", "address:192.0.2.7", "192.0.2.7", false)).isFalse();
        for (int i = 0; i < 100; i++) {
            throttle.failed("person" + i + "@example.com", "address:192.0.2.8", "192.0.2.8");
        }
        assertThat(throttle.isBlocked("someone.new@example.com", "address:192.0.2.8", "192.0.2.8", false)).isTrue();
    }

    @Test
    void manyFailuresFromManyPlacesSlowAnAccountDownProgressivelyButNotForAKnownDevice() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("cy@example.com", "address:10.9.0." + i, "10.9.0." + i);
        }
        assertThat(throttle.isBlocked("cy@example.com", "address:198.51.100.1", "198.51.100.1", false)).isTrue();
        assertThat(throttle.isBlocked("cy@example.com", "device:abc", "198.51.100.1", true)).isFalse();
        Instant first = throttle.delayedUntil("cy@example.com");
        clock.now = first.plusSeconds(1);
        assertThat(throttle.isBlocked("cy@example.com", "address:198.51.100.1", "198.51.100.1", false)).isFalse();
        throttle.failed("cy@example.com", "address:10.9.1.1", "10.9.1.1");
        Instant second = throttle.delayedUntil("cy@example.com");
        assertThat(Duration.between(clock.now, second)).isGreaterThan(Duration.between(first.minusSeconds(2), first));
    }

    @Test
    void aSuccessfulSignInOrAnAdministratorsUnlockForgetsTheFailures() {
        for (int i = 0; i < 12; i++) {
            throttle.failed("di@example.com", "address:10.0.0." + i, "10.0.0." + i);
        }
        throttle.unlock("di@example.com", UUID.randomUUID());
        assertThat(throttle.isBlocked("di@example.com", "address:10.0.0.1", "10.0.0.1", false)).isFalse();
        for (int i = 0; i < 4; i++) {
            throttle.failed("ed@example.com", "address:198.51.100.9", "198.51.100.9");
        }
        throttle.succeeded("ed@example.com", "address:198.51.100.9");
        throttle.failed("ed@example.com", "address:198.51.100.9", "198.51.100.9");
        assertThat(throttle.isBlocked("ed@example.com", "address:198.51.100.9", "198.51.100.9", false)).isFalse();
    }
}
