package dev.ratchet.review.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.ratchet.review.TeamForm;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** The organisation's management review team: chair, deputies, members, quorum and oversight role. */
@Entity
public class ReviewTeam implements OrganisationScoped {

    @Id
    private UUID organisationId;

    private UUID chairId;

    private String deputyIds;

    private String memberIds;

    private int quorum;

    private String oversight;

    @Version
    private long version;

    protected ReviewTeam() {
    }

    public ReviewTeam(UUID organisationId) {
        this.organisationId = organisationId;
    }

    public void apply(TeamForm form) {
        this.chairId = form.getChairId();
        this.deputyIds = join(form.getDeputyIds());
        this.memberIds = join(form.getMemberIds());
        this.quorum = form.getQuorum();
        this.oversight = form.getOversight().strip();
    }

    private static String join(List<UUID> ids) {
        List<String> list = ids.stream().filter(Objects::nonNull).distinct().map(UUID::toString).toList();
        return list.isEmpty() ? null : String.join(",", list);
    }

    private static List<UUID> split(String ids) {
        return ids == null ? List.of() : Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
    }

    /** The history names the team by its organisation. */
    public UUID getId() { return organisationId; }
    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getChairId() { return chairId; }
    public List<UUID> getDeputyIds() { return split(deputyIds); }
    public List<UUID> getMemberIds() { return split(memberIds); }
    public int getQuorum() { return quorum; }
    public String getOversight() { return oversight; }
    public long getVersion() { return version; }
}
