package dev.ratchet.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Asks members to read the version in force: the members named, or every member but guest auditors when none are. */
public class AcknowledgementForm implements java.io.Serializable {

    private List<UUID> memberIds = new ArrayList<>();

    @NotNull(message = "Give the date by which they should have read it")
    private LocalDate dueDate;

    public List<UUID> getMemberIds() { return memberIds; }
    public void setMemberIds(List<UUID> memberIds) { this.memberIds = memberIds == null ? new ArrayList<>() : memberIds; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
}
