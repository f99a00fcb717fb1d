package dev.ratchet.improvement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import dev.ratchet.shared.Tenant;

/** Takes a nonconformity through the workflow as the ISMS manager, for tests that need one at a given step. */
public final class Workflow {

    private Workflow() {
    }

    public static ImprovementView reported(ImprovementManagement improvements, TestOrganisation org, String title) {
        ReportForm form = new ReportForm();
        form.setKind(Kind.NONCONFORMITY);
        form.setTitle(title);
        form.setDescription("Two leavers still had VPN accounts 30 days after leaving");
        form.setSource(Source.INTERNAL_AUDIT);
        form.setRequirements(List.of("iso27001-2022:A.5.18"));
        form.setAreaId(org.areaId());
        return improvements.report(org.tenant(Role.CONTRIBUTOR), form);
    }

    public static TransitionRequest step(Transition transition, ImprovementView record) {
        TransitionRequest request = new TransitionRequest();
        request.setTransition(transition);
        request.setVersion(record.version());
        return request;
    }

    public static TransitionRequest analysis(ImprovementView record) {
        TransitionRequest analyse = step(Transition.ANALYSE, record);
        analyse.setReviewSummary("Confirmed with HR and IT records");
        analyse.setRcaMethod(RcaMethod.FIVE_WHYS);
        analyse.setWhys(List.of("Accounts were not disabled", "IT was not told", "The leaver checklist has no IT step"));
        analyse.setRootCause("The leaver process has no step that informs IT");
        analyse.setCouldOccurElsewhere(true);
        analyse.setElsewhereJudgement("Contractors leave through the same process");
        analyse.setCorrectiveActionNeeded(true);
        return analyse;
    }

    public static TransitionRequest plan(ImprovementView record, UUID actionOwner) {
        TransitionRequest plan = step(Transition.PLAN_ACTIONS, record);
        TransitionRequest.ActionForm action = new TransitionRequest.ActionForm();
        action.setTitle("Add an IT step to the leaver checklist");
        action.setOwnerId(actionOwner);
        action.setDueDate(LocalDate.now().plusDays(14));
        action.setSuccessCriteria("No leaver account active 24 h after leaving, in the next quarterly access review");
        plan.setActions(List.of(action));
        return plan;
    }

    /** Reported, triaged to the owner, contained, analysed, and one action planned for the owner. */
    public static ImprovementView plannedNonconformity(ImprovementManagement improvements, TestOrganisation org,
            UUID owner) {
        Tenant manager = org.tenant(Role.ISMS_MANAGER);
        ImprovementView nc = reported(improvements, org, "Leavers keep VPN access");
        TransitionRequest triage = step(Transition.TRIAGE, nc);
        triage.setOwnerId(owner);
        triage.setGrade(Grade.MINOR);
        nc = improvements.transition(manager, nc.id(), triage);
        TransitionRequest contain = step(Transition.CONTAIN, nc);
        contain.setCorrection("Both accounts disabled");
        contain.setConsequences("VPN logs checked: no use after leaving");
        nc = improvements.transition(manager, nc.id(), contain);
        nc = improvements.transition(manager, nc.id(), analysis(nc));
        return improvements.transition(manager, nc.id(), plan(nc, owner));
    }

    /**
     * A nonconformity closed at its second attempt: attempt 1 analysed by 5 whys, its action done and judged not
     * effective; attempt 2 analysed by fishbone (naming {@code similar} as a similar record), its action done and judged
     * effective. The organisation must have no effectiveness waiting period.
     */
    public static ImprovementView closedAtSecondAttempt(ImprovementManagement improvements, dev.ratchet.action.ActionManagement actions,
            TestOrganisation org, UUID similar) {
        Tenant manager = org.tenant(Role.ISMS_MANAGER);
        UUID owner = org.userIds().get(Role.CONTRIBUTOR);
        ImprovementView nc = plannedNonconformity(improvements, org, owner);
        nc = implementAndReview(improvements, actions, org, nc, false, "Sampled ten leavers", "One contractor account still active");
        TransitionRequest second = step(Transition.ANALYSE, nc);
        second.setReviewSummary("Second look after the contractor account was found");
        second.setRcaMethod(RcaMethod.FISHBONE);
        second.setFishbone(java.util.Map.of("Process", "Contractors leave through procurement, not HR", "People",
                "Procurement does not know IT must be told"));
        second.setRootCause("Contractor departures bypass the HR leaver process");
        second.setSimilarRecords(similar == null ? List.of() : List.of(similar));
        second.setCouldOccurElsewhere(true);
        second.setElsewhereJudgement("Temporary staff from agencies leave the same way");
        second.setCorrectiveActionNeeded(true);
        nc = improvements.transition(manager, nc.id(), second);
        TransitionRequest plan = plan(nc, owner);
        plan.getActions().get(0).setTitle("Route contractor departures through the leaver checklist");
        nc = improvements.transition(manager, nc.id(), plan);
        return implementAndReview(improvements, actions, org, nc, true, "Checked every departure of the quarter",
                "No account active after departure");
    }

    private static ImprovementView implementAndReview(ImprovementManagement improvements, dev.ratchet.action.ActionManagement actions,
            TestOrganisation org, ImprovementView nc, boolean effective, String method, String evidence) {
        Tenant manager = org.tenant(Role.ISMS_MANAGER);
        for (dev.ratchet.action.ActionView a : nc.currentActions()) {
            actions.complete(org.id(), a.id(), manager.userId(), true, "Done: " + a.title(), a.version());
        }
        nc = improvements.get(manager, nc.id());
        nc = improvements.transition(manager, nc.id(), step(Transition.IMPLEMENT, nc));
        nc = improvements.transition(manager, nc.id(), step(Transition.START_EFFECTIVENESS_REVIEW, nc));
        TransitionRequest review = step(Transition.REVIEW_EFFECTIVENESS, nc);
        review.setEffective(effective);
        review.setMethod(method);
        review.setEvidence(evidence);
        return improvements.transition(org.tenant(Role.AUDITOR), nc.id(), review);
    }
}
