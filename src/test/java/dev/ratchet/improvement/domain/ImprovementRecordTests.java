package dev.ratchet.improvement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.improvement.Evaluation;
import dev.ratchet.improvement.Grade;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.RcaMethod;
import dev.ratchet.improvement.ReportForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.improvement.Status;
import dev.ratchet.shared.Refused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clause 10.2 step by step: each step is refused without what it needs, naming it, and allowed with it. */
class ImprovementRecordTests {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    static final UUID OWNER = UUID.randomUUID();

    static ImprovementRecord reported(Kind kind) {
        ReportForm form = new ReportForm();
        form.setKind(kind);
        form.setTitle("Leavers keep VPN access");
        form.setDescription("Two leavers still had VPN accounts 30 days after leaving (A.5.18).");
        form.setSource(Source.INTERNAL_AUDIT);
        form.setRequirements(List.of("iso27001-2022:A.5.18"));
        return new ImprovementRecord(UUID.randomUUID(), kind.prefix() + "-2026-001", form, null, UUID.randomUUID(), NOW);
    }

    static Analysis fiveWhys(boolean actionNeeded) {
        return new Analysis("Confirmed by HR and IT records", RcaMethod.FIVE_WHYS,
                List.of("Accounts were not disabled", "IT was not told of leavers", "The leaver checklist has no IT step"),
                Map.of(), null, null, "The leaver process has no step that informs IT", List.of(), true,
                "Contractors leave through the same process", actionNeeded, actionNeeded ? null : "Risk accepted by the board");
    }

    static ImprovementRecord contained() {
        ImprovementRecord nc = reported(Kind.NONCONFORMITY);
        nc.triage(OWNER, Grade.MINOR);
        nc.contain("Both accounts disabled", "Logs checked: no use after leaving", NOW);
        return nc;
    }

    static void assertRefusedNaming(Runnable step, String... fields) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.kind()).isEqualTo(Refused.Kind.CONFLICT);
            assertThat(r.fieldErrors()).containsKeys(fields);
        });
    }

    @Test
    void triageNeedsAnOwnerAndAGrade() {
        ImprovementRecord nc = reported(Kind.NONCONFORMITY);
        assertRefusedNaming(() -> nc.triage(null, null), "ownerId", "grade");
        nc.triage(OWNER, Grade.MAJOR);
        assertThat(nc.getOwnerId()).isEqualTo(OWNER);
        assertThat(nc.getStatus()).isEqualTo(Status.REPORTED);
    }

    @Test
    void rejectingNeedsAReason() {
        ImprovementRecord nc = reported(Kind.NONCONFORMITY);
        assertRefusedNaming(() -> nc.reject(" ", NOW), "reason");
        nc.reject("Duplicate of NC-2026-003", NOW);
        assertThat(nc.getStatus()).isEqualTo(Status.REJECTED);
    }

    @Test
    void containingNeedsTriageTheCorrectionAndTheConsequences() {
        ImprovementRecord nc = reported(Kind.NONCONFORMITY);
        assertRefusedNaming(() -> nc.contain(null, null, NOW), "ownerId", "grade", "correction", "consequences");
        nc.triage(OWNER, Grade.MINOR);
        assertRefusedNaming(() -> nc.contain("Disabled both accounts", "", NOW), "consequences");
        nc.contain("Disabled both accounts", "Checked logs: no use after leaving", NOW);
        assertThat(nc.getStatus()).isEqualTo(Status.CONTAINED);
    }

    @Test
    void analysisNeedsAReviewANamedMethodItsStructureARootCauseAndTheSimilarityJudgement() {
        ImprovementRecord nc = contained();
        assertRefusedNaming(() -> nc.analyse(new Analysis(null, null, null, null, null, "just free text", null,
                List.of(), null, null, null, null), NOW),
                "reviewSummary", "rcaMethod", "rootCause", "couldOccurElsewhere", "elsewhereJudgement",
                "correctiveActionNeeded");
        assertRefusedNaming(() -> nc.analyse(new Analysis("Reviewed", RcaMethod.FIVE_WHYS, List.of("only one"), null,
                null, null, "cause", List.of(), false, "no", true, null), NOW), "whys");
        assertRefusedNaming(() -> nc.analyse(new Analysis("Reviewed", RcaMethod.FISHBONE, null, Map.of("PEOPLE", " "),
                null, null, "cause", List.of(), false, "no", true, null), NOW), "fishbone");
        assertRefusedNaming(() -> nc.analyse(new Analysis("Reviewed", RcaMethod.FAULT_TREE, null, null, " ", null,
                "cause", List.of(), false, "no", true, null), NOW), "faultTree");
        Analysis unjustified = fiveWhys(false);
        assertRefusedNaming(() -> nc.analyse(new Analysis(unjustified.reviewSummary(), unjustified.method(),
                unjustified.whys(), Map.of(), null, null, unjustified.rootCause(), List.of(), true, "no", false, null),
                NOW), "noActionJustification");

        nc.analyse(fiveWhys(true), NOW);
        assertThat(nc.getStatus()).isEqualTo(Status.ANALYSED);
        assertThat(nc.getRcaDetail()).contains("The leaver checklist has no IT step");
    }

    @Test
    void analysisComesAfterContainment() {
        ImprovementRecord nc = reported(Kind.NONCONFORMITY);
        assertThatThrownBy(() -> nc.analyse(fiveWhys(true), NOW)).isInstanceOf(Refused.class)
                .hasMessageContaining("is reported");
    }

    @Test
    void planningNeedsAnActionAndADecisionThatActionIsNeeded() {
        ImprovementRecord nc = contained();
        nc.analyse(fiveWhys(false), NOW);
        assertThatThrownBy(() -> nc.actionsPlanned(1)).isInstanceOf(Refused.class).hasMessageContaining("no corrective action is needed");
        nc.analyse(fiveWhys(true), NOW);
        assertRefusedNaming(() -> nc.actionsPlanned(0), "actions");
        nc.actionsPlanned(1);
        assertThat(nc.getStatus()).isEqualTo(Status.ACTIONS_PLANNED);
    }

    @Test
    void implementationNeedsEveryActionFinishedAndOneDone() {
        ImprovementRecord nc = contained();
        nc.analyse(fiveWhys(true), NOW);
        nc.actionsPlanned(2);
        assertRefusedNaming(() -> nc.implemented(1, 1, NOW, TODAY, 90), "actions");
        assertRefusedNaming(() -> nc.implemented(0, 0, NOW, TODAY, 90), "actions");
        nc.implemented(0, 2, NOW, TODAY, 90);
        assertThat(nc.getStatus()).isEqualTo(Status.IMPLEMENTED);
        assertThat(nc.getEffectivenessDue()).isEqualTo(TODAY.plusDays(90));
    }

    @Test
    void theEffectivenessReviewWaitsForTheWaitingPeriod() {
        ImprovementRecord nc = contained();
        nc.analyse(fiveWhys(true), NOW);
        nc.actionsPlanned(1);
        nc.implemented(0, 1, NOW, TODAY, 90);
        assertThatThrownBy(() -> nc.startEffectivenessReview(TODAY.plusDays(89))).isInstanceOf(Refused.class)
                .hasMessageContaining("due on 2027-02-20");
        nc.startEffectivenessReview(TODAY.plusDays(90));
        assertThat(nc.getStatus()).isEqualTo(Status.EFFECTIVENESS_REVIEW);
    }

    @Test
    void anIneffectiveActionSendsItBackToAnalysisForAnotherAttempt() {
        ImprovementRecord nc = contained();
        nc.analyse(fiveWhys(true), NOW);
        nc.actionsPlanned(1);
        nc.implemented(0, 1, NOW, TODAY, 0);
        nc.startEffectivenessReview(TODAY);
        nc.effectivenessReviewed(false, NOW);
        assertThat(nc.getStatus()).isEqualTo(Status.ANALYSED);
        assertThat(nc.getAttempt()).isEqualTo(2);
        assertThatThrownBy(() -> nc.actionsPlanned(1)).isInstanceOf(Refused.class);
        nc.analyse(fiveWhys(true), NOW);
        nc.actionsPlanned(1);
        nc.implemented(0, 1, NOW, TODAY, 0);
        nc.startEffectivenessReview(TODAY);
        nc.effectivenessReviewed(true, NOW);
        assertThat(nc.getStatus()).isEqualTo(Status.CLOSED);
    }

    @Test
    void closingWithoutActionNeedsAJustifiedDecision() {
        ImprovementRecord nc = contained();
        nc.analyse(fiveWhys(true), NOW);
        assertRefusedNaming(() -> nc.closeWithoutAction(NOW), "correctiveActionNeeded");
        nc.analyse(fiveWhys(false), NOW);
        nc.closeWithoutAction(NOW);
        assertThat(nc.getStatus()).isEqualTo(Status.CLOSED);
    }

    @Test
    void anOpportunityIsEvaluatedThenPlannedImplementedAndClosedWithItsBenefit() {
        ImprovementRecord ofi = reported(Kind.OPPORTUNITY);
        assertRefusedNaming(() -> ofi.evaluate(null, null, null, TODAY, NOW), "evaluation");
        assertRefusedNaming(() -> ofi.evaluate(Evaluation.DEFERRED, null, TODAY, TODAY, NOW), "deferredUntil");
        ofi.evaluate(Evaluation.DEFERRED, "Budget next year", TODAY.plusMonths(3), TODAY, NOW);
        assertThat(ofi.getStatus()).isEqualTo(Status.EVALUATED);
        assertThatThrownBy(() -> ofi.actionsPlanned(1)).isInstanceOf(Refused.class);
        ofi.evaluate(Evaluation.ACCEPTED, null, null, TODAY, NOW);
        ofi.actionsPlanned(1);
        ofi.implemented(0, 1, NOW, TODAY, 90);
        assertRefusedNaming(() -> ofi.closeOpportunity("", NOW), "benefitRealised");
        ofi.closeOpportunity("Joiners get access on day one", NOW);
        assertThat(ofi.getStatus()).isEqualTo(Status.CLOSED);
    }

    @Test
    void rejectingAnOpportunityNeedsAReason() {
        ImprovementRecord ofi = reported(Kind.OPPORTUNITY);
        assertRefusedNaming(() -> ofi.evaluate(Evaluation.REJECTED, " ", null, TODAY, NOW), "reason");
        ofi.evaluate(Evaluation.REJECTED, "Cost outweighs the benefit", null, TODAY, NOW);
        assertThat(ofi.getStatus()).isEqualTo(Status.REJECTED);
    }

    @Test
    void theClause102StepsAreNotForOpportunities() {
        ImprovementRecord ofi = reported(Kind.OPPORTUNITY);
        assertThatThrownBy(() -> ofi.triage(OWNER, Grade.MINOR)).isInstanceOf(Refused.class)
                .hasMessageContaining("for a nonconformity");
    }

    @Test
    void anIsmsChangeNeedsADescriptionAndIsKeptWithTheDate() {
        ImprovementRecord nc = contained();
        assertRefusedNaming(() -> nc.recordIsmsChange("", TODAY), "ismsChange");
        nc.recordIsmsChange("Leaver procedure v2 adds an IT step", TODAY);
        assertThat(nc.getIsmsChanges()).isEqualTo("2026-11-22: Leaver procedure v2 adds an IT step");
    }

    @Test
    void onlyAClosedNonconformityCanComeBackAndItsEffectivenessIsThenQuestioned() {
        ImprovementRecord earlier = contained();
        ImprovementRecord again = reported(Kind.NONCONFORMITY);
        assertRefusedNaming(() -> again.recurrenceOf(earlier), "recurrenceOf");
        earlier.analyse(fiveWhys(false), NOW);
        earlier.closeWithoutAction(NOW);
        assertRefusedNaming(() -> again.recurrenceOf(again), "recurrenceOf");
        again.recurrenceOf(earlier);
        earlier.questionEffectiveness();
        assertThat(again.getRecurrenceOf()).isEqualTo(earlier.getId());
        assertThat(earlier.isEffectivenessQuestioned()).isTrue();
    }
}
