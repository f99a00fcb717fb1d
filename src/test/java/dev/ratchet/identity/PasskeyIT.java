package dev.ratchet.identity;

import java.time.Instant;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The passkey ceremony's doors, without a browser ({@link PasskeyBrowserIT} walks through them in Chromium): making a
 * passkey needs a complete sign-in, signing in with one starts for anybody, and the API lists and removes one's own.
 */
class PasskeyIT extends IntegrationTest {

    @Test
    void makingAPasskeyNeedsACompleteSignInNotJustAPassword() throws Exception {
        TestOrganisation org = newOrganisation("Passkey doors");
        RatchetPrincipal full = org.principal(Role.CONTRIBUTOR);
        RatchetPrincipal codeOwed = new RatchetPrincipal(full.userId(), full.email(), full.displayName(), null, true, true,
                Instant.now());

        mvc.perform(post("/webauthn/register/options").with(user(codeOwed)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/webauthn/register/options").with(csrf())).andExpect(status().is4xxClientError());
        mvc.perform(post("/webauthn/register/options").with(user(full)).with(csrf())).andExpect(status().isOk())
                .andExpect(jsonPath("$.challenge").isNotEmpty())
                .andExpect(jsonPath("$.rp.id").value("localhost"))
                .andExpect(jsonPath("$.user.name").value(full.email()))
                // The user handle is the account id's bytes, never the address.
                .andExpect(jsonPath("$.user.id").value(not(containsString("@"))));
        mvc.perform(post("/webauthn/authenticate/options").with(csrf())).andExpect(status().isOk())
                .andExpect(jsonPath("$.challenge").isNotEmpty());
    }

    @Test
    void theApiListsAndRemovesOnlyOnesOwnPasskeys() throws Exception {
        TestOrganisation org = newOrganisation("Passkey API");
        mvc.perform(get("/api/v1/account/passkeys").header("Authorization", org.bearer(Role.AUDITOR)))
                .andExpect(status().isOk()).andExpect(content().json("[]"));
        mvc.perform(delete("/api/v1/account/passkeys/{id}", java.util.UUID.randomUUID()).header("Authorization", org.bearer(Role.AUDITOR)))
                .andExpect(status().isNotFound());
    }
}
