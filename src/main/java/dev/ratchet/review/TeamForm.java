package dev.ratchet.review;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The management review team, as a form and an API body. */
public class TeamForm implements java.io.Serializable {

    private UUID chairId;

    private List<UUID> deputyIds = new ArrayList<>();

    private List<UUID> memberIds = new ArrayList<>();

    @Min(value = 1, message = "A quorum is at least one person")
    @Max(value = 50, message = "A quorum is at most 50 people")
    private int quorum = 2;

    @NotBlank(message = "State the team's oversight role")
    @Size(max = 4000, message = "The statement can have at most 4000 characters")
    private String oversight = ReviewManagement.DEFAULT_OVERSIGHT;

    private Long version;

    public UUID getChairId() { return chairId; }
    public void setChairId(UUID chairId) { this.chairId = chairId; }
    public List<UUID> getDeputyIds() { return deputyIds; }
    public void setDeputyIds(List<UUID> deputyIds) { this.deputyIds = deputyIds == null ? new ArrayList<>() : deputyIds; }
    public List<UUID> getMemberIds() { return memberIds; }
    public void setMemberIds(List<UUID> memberIds) { this.memberIds = memberIds == null ? new ArrayList<>() : memberIds; }
    public int getQuorum() { return quorum; }
    public void setQuorum(int quorum) { this.quorum = quorum; }
    public String getOversight() { return oversight; }
    public void setOversight(String oversight) { this.oversight = oversight; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
