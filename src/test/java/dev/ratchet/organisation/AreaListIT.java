package dev.ratchet.organisation;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** A long list is paged in the database, and the pager keeps the filter. */
class AreaListIT extends IntegrationTest {

    @Test
    void theNextPageKeepsTheSearch() throws Exception {
        TestOrganisation org = newOrganisation("Paging");
        for (int i = 1; i <= 30; i++) {
            AreaForm form = new AreaForm();
            form.setName("Site %02d warehouse".formatted(i));
            organisations.createArea(org.id(), form);
        }
        mvc.perform(get("/areas").param("q", "warehouse").with(user(org.principal(Role.AUDITOR))))
                .andExpect(content().string(containsString("Page 1 of 2")))
                .andExpect(content().string(containsString("href=\"/areas?q=warehouse&amp;page=1\"")))
                .andExpect(content().string(containsString("Site 25 warehouse")))
                .andExpect(content().string(not(containsString("Site 26 warehouse"))));
        mvc.perform(get("/areas").param("q", "warehouse").param("page", "1").with(user(org.principal(Role.AUDITOR))))
                .andExpect(content().string(containsString("Page 2 of 2")))
                .andExpect(content().string(containsString("Site 30 warehouse")))
                .andExpect(content().string(not(containsString("IT operations"))));
    }
}
