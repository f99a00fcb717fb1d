package dev.ratchet.identity;

import dev.ratchet.shared.Refused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesPasswordsShorterThanTwelveCharacters() {
        assertThatThrownBy(() -> policy.check("password", "Xq7#pL2!vR9"))
                .isInstanceOf(Refused.class).hasMessage("Use at least 12 characters");
    }

    @Test
    void refusesLongButCommonPasswords() {
        assertThatThrownBy(() -> policy.check("password", "password1234")).hasMessageStartingWith("This password is too easy to guess");
        assertThatThrownBy(() -> policy.check("password", "qwertyuiop123")).hasMessageStartingWith("This password is too easy to guess");
    }

    @Test
    void refusesAPasswordMadeOfThePersonsOwnName() {
        assertThatThrownBy(() -> policy.check("password", "margaretthatcher1", "margaret.thatcher@example.com", "Margaret Thatcher"))
                .isInstanceOf(Refused.class);
    }

    @Test
    void acceptsAFewUnrelatedWords() {
        assertThatCode(() -> policy.check("password", "violet-Harbour-tractor-91-lantern")).doesNotThrowAnyException();
    }

    @Test
    void namesTheFieldItRefuses() {
        assertThatThrownBy(() -> policy.check("initialPassword", "short"))
                .isInstanceOfSatisfying(Refused.class, r -> org.assertj.core.api.Assertions.assertThat(r.fieldErrors()).containsKey("initialPassword"));
    }
}
