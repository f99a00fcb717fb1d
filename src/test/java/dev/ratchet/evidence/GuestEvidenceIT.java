package dev.ratchet.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * A guest auditor downloads the files of what they may read, and no others by id: attachments of a review whose
 * minutes are not approved, and the file of a policy version not approved, are not found for them.
 */
class GuestEvidenceIT extends IntegrationTest {

    private int download(TestOrganisation org, Role role, String id) throws Exception {
        return mvc.perform(get("/evidence/{id}", id).with(user(org.principal(role)))).andReturn().getResponse().getStatus();
    }

    @Test
    void aGuestAuditorGetsOnlyTheFilesOfApprovedMinutesAndPolicyVersions() throws Exception {
        TestOrganisation org = newOrganisation("Guest files");
        var pdf = new MockMultipartFile("file", "risk-treatment-plan.pdf", "application/pdf", "%PDF-1.4 plan".getBytes());

        // A review before its meeting, with the risk treatment plan attached to input (f).
        api(org, Role.ISMS_MANAGER, "PUT", "/review-team", "{\"chairId\":\"" + org.userIds().get(Role.MANAGEMENT) + "\",\"quorum\":1,\"oversight\":\"Oversees\"}", 200);
        JsonNode review = api(org, Role.ISMS_MANAGER, "POST", "/reviews", "{\"title\":\"Q4\",\"plannedDate\":\"" + LocalDate.now().plusDays(5) + "\"}", 201);
        String reviewId = review.get("id").asString();
        mvc.perform(multipart("/reviews/{id}/attachments", reviewId).file(pdf).param("input", "f")
                .with(user(org.principal(Role.ISMS_MANAGER))).with(csrf())).andExpect(flash().attributeExists("success"));
        String attachment = api(org, Role.ISMS_MANAGER, "GET", "/reviews/" + reviewId, null, 200)
                .get("pack").get("attachments").get(0).get("id").asString();
        assertThat(download(org, Role.MANAGEMENT, attachment)).isEqualTo(200);
        assertThat(download(org, Role.CONTRIBUTOR, attachment)).isEqualTo(200);
        assertThat(download(org, Role.GUEST_AUDITOR, attachment)).isEqualTo(404);

        // A policy whose draft is a signed PDF: hidden from the guest until approved.
        JsonNode policy = api(org, Role.ISMS_MANAGER, "POST", "/policies", """
                {"title":"Access Control Policy","reviewMonths":12,"content":"# Access Control Policy"}""", 201);
        String policyId = policy.get("id").asString();
        mvc.perform(multipart("/api/v1/organisations/{o}/policies/{id}/file", org.id(), policyId).file(pdf)
                .header("Authorization", org.bearer(Role.ISMS_MANAGER)).param("changeSummary", "Signed PDF")).andExpect(status().isOk());
        policy = api(org, Role.ISMS_MANAGER, "GET", "/policies/" + policyId, null, 200);
        String file = policy.get("draft").get("fileId").asString();
        assertThat(download(org, Role.AUDITOR, file)).isEqualTo(200);
        assertThat(download(org, Role.GUEST_AUDITOR, file)).isEqualTo(404);
        api(org, Role.MANAGEMENT, "POST", "/policies/" + policyId + "/approval", "{\"version\":" + policy.get("draft").get("version").asLong() + "}", 200);
        assertThat(download(org, Role.GUEST_AUDITOR, file)).isEqualTo(200);

        // Another organisation's people do not reach either file.
        TestOrganisation other = newOrganisation("Elsewhere");
        assertThat(download(other, Role.ISMS_MANAGER, file)).isEqualTo(404);
        assertThat(download(other, Role.ISMS_MANAGER, attachment)).isEqualTo(404);
    }
}
