package dev.ratchet.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

    final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(15));

    @Test
    void anAccountIsBlockedAfterFiveFailuresFromAnywhere() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.isBlocked("ann@example.com", "10.0.0." + i)).isFalse();
            throttle.failed("ANN@example.com ", "10.0.0." + i);
        }
        assertThat(throttle.isBlocked("ann@example.com", "10.0.0.99")).isTrue();
        assertThat(throttle.isBlocked("bob@example.com", "10.0.0.99")).isFalse();
    }

    @Test
    void anAddressIsBlockedAfterTwentyFailuresAcrossAccounts() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("person" + i + "@example.com", "192.0.2.7");
        }
        assertThat(throttle.isBlocked("someone.new@example.com", "192.0.2.7")).isTrue();
        assertThat(throttle.isBlocked("someone.new@example.com", "192.0.2.8")).isFalse();
    }

    @Test
    void aSuccessfulSignInForgetsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("cy@example.com", "198.51.100." + i);
        }
        throttle.succeeded("cy@example.com");
        throttle.failed("cy@example.com", "198.51.100.9");
        assertThat(throttle.isBlocked("cy@example.com", "198.51.100.10")).isFalse();
    }
}
