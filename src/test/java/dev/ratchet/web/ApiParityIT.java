package dev.ratchet.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.ratchet.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a person does in the browser a program can do: every page route that changes something (a POST) has its
 * API twin here, or is listed as deliberately page-only with the reason. A new page action without either fails this
 * test; so does a twin that no longer exists.
 */
class ApiParityIT extends IntegrationTest {

    private static final String ORG = "/api/v1/organisations/{organisationId}";

    /** Deliberately page-only, each with why. */
    private static final Map<String, String> PAGE_ONLY = Map.ofEntries(
            Map.entry("/setup", "the first run creates the first administrator: there is no one to hold a token yet"),
            Map.entry("/setup/demo", "the first run's demo, for a person looking around"),
            Map.entry("/password-reset", "for a person who cannot sign in; a program has a token, not a password"),
            Map.entry("/password-reset/{token}", "for a person who cannot sign in; a program has a token, not a password"),
            Map.entry("/account/second-factor/recovery-codes", "codes are shown once to the person at the screen; a token must not weaken the factor protecting its account"),
            Map.entry("/join/{token}", "the invited person's own link: they hold no token yet, and a program must not choose their password"),
            Map.entry("/members/invitations/import/{uploadId}", "twin: POST " + ORG + "/invitations/import (dryRun=false)"),
            Map.entry("/login/second-factor", "signing in is for browsers; programs use a personal token"),
            Map.entry("/account/password", "a token must not change the credentials it was created with"),
            Map.entry("/account/second-factor/start", "enrolment shows a QR code to an authenticator app"),
            Map.entry("/account/second-factor/confirm", "enrolment shows a QR code to an authenticator app"),
            Map.entry("/account/second-factor/remove", "a token must not remove the second factor protecting its account"),
            Map.entry("/organisations/switch", "the API names the organisation in every path; there is nothing to switch"),
            Map.entry("/organisations/demo", "the demo organisation is for a person looking around"),
            // The page imports in two steps (upload and preview, then confirm); the API does both in one call, with
            // dryRun=true for the preview.
            Map.entry("/objectives/import/{uploadId}", "twin: POST " + ORG + "/objectives/measurements/import (dryRun=false)"),
            Map.entry("/incidents/import/{uploadId}", "twin: POST " + ORG + "/incidents/import (dryRun=false)"),
            Map.entry("/changes/import/{uploadId}", "twin: POST " + ORG + "/changes/import (dryRun=false)"),
            Map.entry("/obligations/import/{uploadId}", "twin: POST " + ORG + "/obligations/import (dryRun=false)"),
            Map.entry("/feedback/import/{uploadId}", "twin: POST " + ORG + "/feedback/import (dryRun=false)"),
            Map.entry("/risks/import/{uploadId}", "twin: POST " + ORG + "/risks/import (dryRun=false)"));

    /** Page route → its API twin, "METHOD path". */
    private static final Map<String, String> TWINS = new LinkedHashMap<>();

    static {
        twin("/account/invitations/{id}/accept", "POST /api/v1/invitations/{invitationId}/acceptance");
        twin("/account/invitations/{id}/decline", "DELETE /api/v1/invitations/{invitationId}");
        twin("/account/tokens", "POST /api/v1/account/tokens");
        twin("/account/tokens/{id}/revoke", "DELETE /api/v1/account/tokens/{tokenId}");
        twin("/account/passkeys/{id}/removal", "DELETE /api/v1/account/passkeys/{passkeyId}");
        twin("/account/calendar", "POST /api/v1/account/calendar-feed");
        twin("/account/calendar/revoke", "DELETE /api/v1/account/calendar-feed");
        twin("/account/digest", "PUT /api/v1/account/preferences");
        twin("/organisations", "POST /api/v1/organisations");
        twin("/settings", "PUT " + ORG + "/settings");
        twin("/settings/logo", "POST " + ORG + "/logo");
        twin("/settings/logo/removal", "DELETE " + ORG + "/logo");
        twin("/settings/frameworks", "PUT " + ORG + "/frameworks");
        twin("/areas", "POST " + ORG + "/areas");
        twin("/areas/{id}", "PUT " + ORG + "/areas/{areaId}");
        twin("/areas/{id}/delete", "DELETE " + ORG + "/areas/{areaId}");
        twin("/members/invitations", "POST " + ORG + "/invitations");
        twin("/members/invitations/list", "POST " + ORG + "/invitations/batch");
        twin("/members/invitations/import", "POST " + ORG + "/invitations/import");
        twin("/members/invitations/{id}/resend", "POST " + ORG + "/invitations/{invitationId}/resending");
        twin("/members/invitations/{id}/withdraw", "POST " + ORG + "/invitations/{invitationId}/withdrawal");
        twin("/members/{id}", "PUT " + ORG + "/members/{memberId}");
        twin("/members/{id}/deactivate", "POST " + ORG + "/members/{memberId}/deactivation");
        twin("/members/{id}/reactivate", "POST " + ORG + "/members/{memberId}/reactivation");
        twin("/members/{id}/second-factor/reset", "POST " + ORG + "/members/{memberId}/second-factor-reset");
        twin("/organisation/provisioning/tokens", "POST " + ORG + "/scim-tokens");
        twin("/organisation/provisioning/tokens/{id}/revoke", "DELETE " + ORG + "/scim-tokens/{tokenId}");
        twin("/organisation/provisioning/default-role", "PUT " + ORG + "/provisioning/default-role");
        twin("/organisation/provisioning/groups/{id}/roles", "PUT " + ORG + "/scim-groups/{groupId}/roles");
        twin("/organisation/single-sign-on", "PUT " + ORG + "/single-sign-on");
        twin("/organisation/single-sign-on/removal", "DELETE " + ORG + "/single-sign-on");
        twin("/members/{id}/unlock", "POST " + ORG + "/members/{memberId}/sign-in-unlock");
        twin("/notifications/read", "POST " + ORG + "/notifications/read");
        twin("/improvements", "POST " + ORG + "/improvements");
        twin("/improvements/{id}/transitions", "POST " + ORG + "/improvements/{improvementId}/transitions");
        twin("/improvements/{id}/evidence", "POST " + ORG + "/improvements/{improvementId}/evidence");
        twin("/improvements/trends", "POST " + ORG + "/improvements/trends");
        twin("/improvements/migration", "POST " + ORG + "/improvement-migrations/uploads");
        twin("/improvements/migration/{uploadId}/import", "POST " + ORG + "/improvement-migrations/uploads/{uploadId}/import");
        twin("/improvements/migration/runs/{migrationId}/undo", "POST " + ORG + "/improvement-migrations/{migrationId}/undo");
        twin("/actions/{id}/complete", "POST " + ORG + "/actions/{actionId}/completion");
        twin("/actions/{id}/cancel", "POST " + ORG + "/actions/{actionId}/cancellation");
        twin("/actions/{id}/evidence", "POST " + ORG + "/actions/{actionId}/evidence");
        twin("/actions/{id}/reschedule", "POST " + ORG + "/actions/{actionId}/rescheduling");
        twin("/actions/{id}/progress", "POST " + ORG + "/actions/{actionId}/progress");
        twin("/audits/programme/{year}", "PUT " + ORG + "/audit-programmes/{year}");
        twin("/audits/programme/{year}/approval", "POST " + ORG + "/audit-programmes/{year}/approval");
        twin("/audits", "POST " + ORG + "/audits");
        twin("/audits/exclusions", "POST " + ORG + "/audit-exclusions");
        twin("/audits/exclusions/{exclusionId}/delete", "DELETE " + ORG + "/audit-exclusions/{exclusionId}");
        twin("/audits/{id}", "PUT " + ORG + "/audits/{auditId}");
        twin("/audits/{id}/team", "POST " + ORG + "/audits/{auditId}/team");
        twin("/audits/{id}/team/{memberId}/delete", "DELETE " + ORG + "/audits/{auditId}/team/{teamMemberId}");
        twin("/audits/{id}/start", "POST " + ORG + "/audits/{auditId}/start");
        twin("/audits/{id}/report", "POST " + ORG + "/audits/{auditId}/report");
        twin("/audits/{id}/close", "POST " + ORG + "/audits/{auditId}/close");
        twin("/audits/{id}/cancel", "POST " + ORG + "/audits/{auditId}/cancellation");
        twin("/audits/{id}/lines/{lineId}", "PUT " + ORG + "/audits/{auditId}/lines/{lineId}");
        twin("/audits/{id}/lines/{lineId}/finding", "POST " + ORG + "/audits/{auditId}/lines/{lineId}/finding");
        twin("/audits/{id}/lines/{lineId}/evidence", "POST " + ORG + "/audits/{auditId}/lines/{lineId}/evidence");
        twin("/objectives", "POST " + ORG + "/objectives");
        twin("/objectives/{id}", "PUT " + ORG + "/objectives/{objectiveId}");
        twin("/objectives/{id}/measurements", "POST " + ORG + "/objectives/{objectiveId}/measurements");
        twin("/objectives/{id}/reviews", "POST " + ORG + "/objectives/{objectiveId}/reviews");
        twin("/objectives/{id}/raise", "POST " + ORG + "/objectives/{objectiveId}/improvements");
        twin("/objectives/import", "POST " + ORG + "/objectives/measurements/import");
        twin("/incidents", "POST " + ORG + "/incidents");
        twin("/incidents/{id}", "PUT " + ORG + "/incidents/{incidentId}");
        twin("/incidents/{id}/raise", "POST " + ORG + "/incidents/{incidentId}/improvements");
        twin("/incidents/{id}/classification", "POST " + ORG + "/incidents/{incidentId}/classification");
        twin("/incidents/{id}/reports/{reportId}/sent", "POST " + ORG + "/incidents/{incidentId}/reports/{reportId}/sent");
        twin("/incidents/import", "POST " + ORG + "/incidents/import");
        twin("/changes", "POST " + ORG + "/changes");
        twin("/changes/{id}", "PUT " + ORG + "/changes/{changeId}");
        twin("/changes/{id}/steps", "POST " + ORG + "/changes/{changeId}/steps");
        twin("/changes/{id}/raise", "POST " + ORG + "/changes/{changeId}/improvements");
        twin("/changes/import", "POST " + ORG + "/changes/import");
        twin("/obligations", "POST " + ORG + "/obligations");
        twin("/obligations/from-framework", "POST " + ORG + "/obligations/from-framework");
        twin("/obligations/{id}", "PUT " + ORG + "/obligations/{obligationId}");
        twin("/obligations/{id}/reviews", "POST " + ORG + "/obligations/{obligationId}/reviews");
        twin("/obligations/{id}/changes", "POST " + ORG + "/obligations/{obligationId}/changes");
        twin("/obligations/{id}/raise", "POST " + ORG + "/obligations/{obligationId}/improvements");
        twin("/obligations/import", "POST " + ORG + "/obligations/import");
        twin("/risks", "POST " + ORG + "/risks");
        twin("/risks/{id}", "PUT " + ORG + "/risks/{riskId}");
        twin("/risks/{id}/assessments", "POST " + ORG + "/risks/{riskId}/assessments");
        twin("/risks/{id}/acceptances", "POST " + ORG + "/risks/{riskId}/acceptances");
        twin("/risks/{id}/acceptance/withdrawal", "POST " + ORG + "/risks/{riskId}/acceptance/withdrawal");
        twin("/risks/{id}/treatment-actions", "POST " + ORG + "/risks/{riskId}/treatment-actions");
        twin("/risks/{id}/concerns", "POST " + ORG + "/risks/{riskId}/concerns");
        twin("/risks/concerns", "POST " + ORG + "/risks/{riskId}/concerns");
        twin("/risks/{id}/closure", "POST " + ORG + "/risks/{riskId}/closure");
        twin("/risks/{id}/reopening", "POST " + ORG + "/risks/{riskId}/reopening");
        twin("/risks/import", "POST " + ORG + "/risks/import");
        twin("/risks/treatment-plan/approvals", "POST " + ORG + "/risk-treatment-plan/approvals");
        twin("/risks/criteria", "PUT " + ORG + "/risk-criteria/draft");
        twin("/soa/controls/{reference}", "PUT " + ORG + "/soa/controls/{reference}");
        twin("/soa/controls/{reference}/evidence", "POST " + ORG + "/soa/controls/{reference}/evidence");
        twin("/soa/versions", "POST " + ORG + "/soa/versions");
        twin("/risks/criteria/new-version", "POST " + ORG + "/risk-criteria/draft");
        twin("/risks/criteria/approval", "POST " + ORG + "/risk-criteria/draft/approval");
        twin("/feedback", "POST " + ORG + "/feedback");
        twin("/feedback/{id}", "PUT " + ORG + "/feedback/{feedbackId}");
        twin("/feedback/{id}/close", "POST " + ORG + "/feedback/{feedbackId}/closure");
        twin("/feedback/{id}/raise", "POST " + ORG + "/feedback/{feedbackId}/improvements");
        twin("/feedback/import", "POST " + ORG + "/feedback/import");
        twin("/reviews", "POST " + ORG + "/reviews");
        twin("/reviews/team", "PUT " + ORG + "/review-team");
        twin("/reviews/{id}/approval", "POST " + ORG + "/reviews/{reviewId}/approval");
        twin("/reviews/{id}/inputs", "PUT " + ORG + "/reviews/{reviewId}/inputs");
        twin("/reviews/{id}/start", "POST " + ORG + "/reviews/{reviewId}/start");
        twin("/reviews/{id}/decisions", "POST " + ORG + "/reviews/{reviewId}/decisions");
        twin("/reviews/{id}/minutes", "PUT " + ORG + "/reviews/{reviewId}/minutes");
        twin("/reviews/{id}/agenda", "POST " + ORG + "/reviews/{reviewId}/agenda");
        twin("/reviews/{id}/amendments", "POST " + ORG + "/reviews/{reviewId}/amendments");
        twin("/reviews/{id}/attachments", "POST " + ORG + "/reviews/{reviewId}/attachments");
        twin("/policies", "POST " + ORG + "/policies");
        twin("/policies/continual-improvement", "POST " + ORG + "/policies/continual-improvement");
        twin("/policies/{id}", "PUT " + ORG + "/policies/{policyId}");
        twin("/policies/{id}/content", "PUT " + ORG + "/policies/{policyId}/content");
        twin("/policies/{id}/file", "POST " + ORG + "/policies/{policyId}/file");
        twin("/policies/{id}/regeneration", "POST " + ORG + "/policies/{policyId}/regeneration");
        twin("/policies/{id}/submission", "POST " + ORG + "/policies/{policyId}/submission");
        twin("/policies/{id}/approval", "POST " + ORG + "/policies/{policyId}/approval");
        twin("/policies/{id}/reviews", "POST " + ORG + "/policies/{policyId}/reviews");
        twin("/policies/{id}/acknowledgement-requests", "POST " + ORG + "/policies/{policyId}/acknowledgement-requests");
        twin("/policies/{id}/acknowledgement", "POST " + ORG + "/policies/{policyId}/acknowledgement");
        twin("/policies/{id}/compliance-checks", "POST " + ORG + "/policies/{policyId}/compliance-checks");
        twin("/policies/{id}/noncompliance", "POST " + ORG + "/policies/{policyId}/noncompliance");
        twin("/compliance-checks/{checkId}/results", "POST " + ORG + "/compliance-checks/{checkId}/results");
        twin("/policy-exceptions", "POST " + ORG + "/policy-exceptions");
        twin("/policy-exceptions/{id}", "PUT " + ORG + "/policy-exceptions/{policyExceptionId}");
        twin("/policy-exceptions/{id}/approval", "POST " + ORG + "/policy-exceptions/{policyExceptionId}/approval");
        twin("/policy-exceptions/{id}/closure", "POST " + ORG + "/policy-exceptions/{policyExceptionId}/closure");
        twin("/bundles", "POST " + ORG + "/bundles");
    }

    private static void twin(String page, String api) {
        TWINS.put(page, api);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPageActionHasAnApiTwinOrSaysWhyNot() {
        Set<String> pageActions = new TreeSet<>();
        Set<String> apiRoutes = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            boolean api = AnnotatedElementUtils.hasAnnotation(mapping.getValue().getBeanType(), RestController.class);
            for (String path : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    if (api && path.startsWith("/api/")) {
                        apiRoutes.add(method + " " + path);
                    }
                    else if (!api && method == RequestMethod.POST) {
                        pageActions.add(path);
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String page : pageActions) {
            if (!TWINS.containsKey(page) && !PAGE_ONLY.containsKey(page)) {
                problems.add("POST " + page + " has no API twin: add one (and its line here), or say here why it is page-only");
            }
        }
        TWINS.forEach((page, api) -> {
            if (!pageActions.contains(page)) {
                problems.add("POST " + page + " is listed but no page has it any more");
            }
            if (!apiRoutes.contains(api)) {
                problems.add(api + " (the twin of POST " + page + ") does not exist");
            }
        });
        PAGE_ONLY.keySet().stream().filter(page -> !pageActions.contains(page))
                .forEach(page -> problems.add("POST " + page + " is listed as page-only but no page has it any more"));
        assertThat(problems).isEmpty();
        assertThat(pageActions).hasSizeGreaterThan(100);
    }
}
