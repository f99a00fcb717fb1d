package dev.ratchet.web;

import java.io.File;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ratchet.Documents;
import dev.ratchet.TestOrganisation;
import dev.ratchet.client.ApiClient;
import dev.ratchet.client.ApiException;
import dev.ratchet.client.api.ActionsApi;
import dev.ratchet.client.api.ImprovementsApi;
import dev.ratchet.client.api.IncidentsApi;
import dev.ratchet.client.api.MembersApi;
import dev.ratchet.client.api.OrganisationsApi;
import dev.ratchet.client.model.ActionApiCompletion;
import dev.ratchet.client.model.ActionView;
import dev.ratchet.client.model.AreaForm;
import dev.ratchet.client.model.AreaView;
import dev.ratchet.client.model.ImportsOutcome;
import dev.ratchet.client.model.ImprovementView;
import dev.ratchet.client.model.IncidentForm;
import dev.ratchet.client.model.IncidentView;
import dev.ratchet.client.model.PagedImprovementSummary;
import dev.ratchet.client.model.PagedMemberView;
import dev.ratchet.client.model.Problem;
import dev.ratchet.client.model.RaiseForm;
import dev.ratchet.client.model.ReportForm;
import dev.ratchet.client.model.TransitionRequest;
import dev.ratchet.client.model.TransitionRequest.TransitionEnum;
import dev.ratchet.client.model.TransitionRequestActionForm;
import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.OrganisationManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An integrator's scenario through the Java client that openapi-generator ({@code java}, library {@code native})
 * generates from {@code docs/openapi.json} in the build, over real HTTP: members and an area, a nonconformity through
 * its workflow, its action completed, its record document downloaded as a PDF, an incident recorded with an offset and
 * raised into the register, the register filtered and paged, a CSV import, and a 422 and a 409 read as typed problems.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:container-responses;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class ApiClientIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    OrganisationManagement organisations;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    private ApiClient client(TestOrganisation org, Role role) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", org.bearer(role)));
        return client;
    }

    /** A workflow step, through the generated request object (stable when optional headers are added). */
    private static ImprovementView step(ImprovementsApi api, java.util.UUID organisationId, java.util.UUID id, TransitionRequest request)
            throws ApiException {
        return api.transitionImprovement(ImprovementsApi.APITransitionImprovementRequest.newBuilder()
                .organisationId(organisationId).improvementId(id).transitionRequest(request).build());
    }

    @Test
    void anIntegratorRunsTheLoopThroughAGeneratedClient() throws Exception {
        TestOrganisation org = TestOrganisation.create(identity, organisations, "Generated client");
        ApiClient manager = client(org, Role.ISMS_MANAGER);
        ApiClient contributor = client(org, Role.CONTRIBUTOR);
        ApiClient auditor = client(org, Role.AUDITOR);

        PagedMemberView members = new MembersApi(manager).listMembers(org.id(), null, null, 0, 50);
        assertThat(members.getContent()).hasSize(Role.values().length);
        assertThat(members.getPage().getTotalElements()).isEqualTo(Role.values().length);
        AreaView finance = new OrganisationsApi(manager).createArea(org.id(), new AreaForm().name("Finance").risk(AreaForm.RiskEnum.MEDIUM), null);

        // A nonconformity, its requirement named by code alone, through triage, correction, analysis and a plan.
        ImprovementsApi improvements = new ImprovementsApi(contributor);
        String reportKey = java.util.UUID.randomUUID().toString();
        ImprovementView nc = improvements.reportImprovement(org.id(), new ReportForm().kind(ReportForm.KindEnum.NONCONFORMITY)
                .title("Leavers keep VPN access").description("Two leavers still had VPN accounts")
                .source(ReportForm.SourceEnum.INTERNAL_AUDIT).areaId(finance.getId()).requirements(List.of("A.5.18")), reportKey);
        assertThat(nc.getReference()).startsWith("NC-");
        // Sent again with its Idempotency-Key (a retry after a timeout): the same record, not a second one.
        ImprovementView retried = improvements.reportImprovement(org.id(), new ReportForm().kind(ReportForm.KindEnum.NONCONFORMITY)
                .title("Leavers keep VPN access").description("Two leavers still had VPN accounts")
                .source(ReportForm.SourceEnum.INTERNAL_AUDIT).areaId(finance.getId()).requirements(List.of("A.5.18")), reportKey);
        assertThat(retried.getId()).isEqualTo(nc.getId());
        assertThat(nc.getRequirements()).containsExactly("iso27001-2022:A.5.18");
        nc = step(new ImprovementsApi(manager), org.id(), nc.getId(), new TransitionRequest()
                .transition(TransitionEnum.TRIAGE).ownerId(org.userIds().get(Role.CONTRIBUTOR))
                .grade(TransitionRequest.GradeEnum.MINOR).version(nc.getVersion()));
        nc = step(improvements, org.id(), nc.getId(), new TransitionRequest().transition(TransitionEnum.CONTAIN)
                .correction("Disabled both accounts").consequences("VPN logs checked: no use").version(nc.getVersion()));
        nc = step(improvements, org.id(), nc.getId(), new TransitionRequest().transition(TransitionEnum.ANALYSE)
                .reviewSummary("Confirmed by IT").rcaMethod(TransitionRequest.RcaMethodEnum.FIVE_WHYS)
                .whys(List.of("Accounts not disabled", "IT not told", "The leaver checklist has no IT step"))
                .rootCause("No IT step in the leaver checklist").couldOccurElsewhere(true).elsewhereJudgement("Contractors too")
                .correctiveActionNeeded(true).version(nc.getVersion()));
        nc = step(improvements, org.id(), nc.getId(), new TransitionRequest().transition(TransitionEnum.PLAN_ACTIONS)
                .actions(List.of(new TransitionRequestActionForm().title("Add an IT step to the leaver checklist")
                        .description("HR tells IT the leaving day; IT disables every account that day")
                        .ownerId(org.userIds().get(Role.CONTRIBUTOR)).dueDate(LocalDate.now().plusDays(14))
                        .successCriteria("No leaver account active 24 h after leaving")))
                .version(nc.getVersion()));
        assertThat(nc.getActions()).singleElement().satisfies(a ->
                assertThat(a.getDescription()).isEqualTo("HR tells IT the leaving day; IT disables every account that day"));

        // A stale version is a typed 409 with problem details.
        long stale = nc.getVersion() - 1;
        ImprovementView planned = nc;
        ApiException conflict = catchThrowableOfType(ApiException.class, () -> step(improvements, org.id(), planned.getId(), new TransitionRequest().transition(TransitionEnum.IMPLEMENT).version(stale)));
        assertThat(conflict.getCode()).isEqualTo(409);
        Problem problem = json.readValue(conflict.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).contains("changed");

        // The action is completed with its evidence; the record is implemented (its effectiveness is
        // reviewed after the organisation's waiting period).
        ActionsApi actions = new ActionsApi(contributor);
        ActionView action = actions.getAction(org.id(), nc.getActions().get(0).getId());
        action = actions.completeAction(org.id(), action.getId(), new ActionApiCompletion().evidence("Checklist v2 in the wiki")
                .version(action.getVersion()), null, null);
        assertThat(action.getStatus()).hasToString("DONE");
        nc = improvements.getImprovement(org.id(), nc.getId());
        nc = step(improvements, org.id(), nc.getId(), new TransitionRequest().transition(TransitionEnum.IMPLEMENT).version(nc.getVersion()));
        assertThat(nc.getStatus()).hasToString("IMPLEMENTED");

        // Its record document is a PDF file, not base64 text.
        File pdf = improvements.downloadImprovementPdf(org.id(), nc.getId());
        byte[] bytes = Files.readAllBytes(pdf.toPath());
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(Documents.pdfText(bytes)).contains(nc.getReference()).contains("No IT step in the leaver checklist");

        // An incident recorded with a UTC time comes back at the same instant with the organisation's offset.
        IncidentsApi incidents = new IncidentsApi(manager);
        OffsetDateTime detected = OffsetDateTime.of(2026, 7, 1, 9, 30, 0, 0, ZoneOffset.UTC);
        IncidentView incident = incidents.recordIncident(org.id(), new IncidentForm().title("Phishing led to a compromised mailbox")
                .detectedAt(detected).category(IncidentForm.CategoryEnum.PHISHING).severity(IncidentForm.SeverityEnum.HIGH)
                .summary("A sales manager entered their password on a fake login page"), null);
        assertThat(incident.getDetectedAt()).isAtSameInstantAs(detected);
        ImprovementView raised = incidents.raiseFromIncident(org.id(), incident.getId(), new RaiseForm()
                .kind(RaiseForm.KindEnum.NONCONFORMITY).title("MFA not enforced for sales").description("Found after INC"), null);
        assertThat(raised.getReference()).startsWith("NC-");

        // The register, filtered and paged.
        PagedImprovementSummary fromIncidents = improvements.listImprovements(ImprovementsApi.APIListImprovementsRequest.newBuilder()
                .organisationId(org.id()).source("INCIDENT").size(1).page(0).build());
        assertThat(fromIncidents.getContent()).singleElement().satisfies(s -> assertThat(s.getId()).isEqualTo(raised.getId()));
        assertThat(fromIncidents.getPage().getTotalElements()).isEqualTo(1);
        ApiException tooLarge = catchThrowableOfType(ApiException.class, () -> improvements.listImprovements(
                ImprovementsApi.APIListImprovementsRequest.newBuilder().organisationId(org.id()).size(100_000).build()));
        assertThat(tooLarge.getCode()).isEqualTo(422);
        assertThat(json.readValue(tooLarge.getResponseBody(), Problem.class).getErrors()).containsKey("size");

        // A CSV import sends the file as it is.
        File csv = File.createTempFile("incidents", ".csv");
        Files.writeString(csv.toPath(), "Title,Detected,Category,Severity,Summary\n"
                + "Laptop stolen from a car,2026-06-03 18:20,Loss or theft,Medium,Encrypted laptop taken from a parked car\n");
        ImportsOutcome imported = incidents.importIncidents(org.id(), csv, false, null);
        assertThat(imported.getImported()).isEqualTo(1);

        // A refused report is a typed 422 naming its fields.
        ApiException invalid = catchThrowableOfType(ApiException.class, () -> improvements.reportImprovement(org.id(),
                new ReportForm().kind(ReportForm.KindEnum.NONCONFORMITY).source(ReportForm.SourceEnum.INCIDENT).title(""), null));
        assertThat(invalid.getCode()).isEqualTo(422);
        assertThat(json.readValue(invalid.getResponseBody(), Problem.class).getErrors()).containsKeys("title", "description");
    }
}
