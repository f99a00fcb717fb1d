package dev.ratchet.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A review with its pack (live while planned, frozen once the meeting started) and its minutes. */
public record ReviewView(UUID id, String reference, String title, LocalDate plannedDate, LocalDate periodFrom,
        ReviewStatus status, String externalInternalIssues, String interestedParties, String riskAssessment,
        Instant startedAt, ReviewPack pack, boolean frozen, List<DecisionView> decisions, String approvedByName,
        Instant approvedAt, List<AgendaItemView> agenda, Attendance attendance, List<AmendmentView> amendments, long version) {

    /** Who attended, against the team's quorum. */
    public record Attendance(List<UUID> presentIds, List<String> present, List<UUID> apologyIds, List<String> apologies,
            String others, int quorum, long teamPresent) {

        public boolean quorate() {
            return teamPresent >= quorum;
        }
    }

    /** The agenda item for an input of clause 9.3.2 (a to g). */
    public AgendaItemView item(String code) {
        return agenda.stream().filter(i -> code.equals(i.code())).findFirst().orElse(null);
    }

    /** The items the organisation added after the standard's inputs. */
    public List<AgendaItemView> addedItems() {
        return agenda.stream().filter(i -> i.code() == null).toList();
    }
}
