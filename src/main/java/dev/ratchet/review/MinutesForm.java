package dev.ratchet.review;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** The minutes as written in the meeting: attendance, and per agenda item whether it was discussed and the notes. */
public class MinutesForm implements java.io.Serializable {

    private List<UUID> present = new ArrayList<>();

    private List<UUID> apologies = new ArrayList<>();

    @Size(max = 1000, message = "Other attendees can have at most 1000 characters")
    private String otherAttendees;

    @Valid
    private List<ItemForm> items = new ArrayList<>();

    private Long version;

    /** One agenda item: discussed (true), not discussed (false, notes say why) or not marked yet (null). */
    public static class ItemForm implements java.io.Serializable {

        private UUID id;

        private Boolean discussed;

        @Size(max = 4000, message = "The notes can have at most 4000 characters")
        private String notes;

        public ItemForm() {
        }

        public ItemForm(UUID id, Boolean discussed, String notes) {
            this.id = id;
            this.discussed = discussed;
            this.notes = notes;
        }

        public UUID getId() { return id; }
        public void setId(UUID id) { this.id = id; }
        public Boolean getDiscussed() { return discussed; }
        public void setDiscussed(Boolean discussed) { this.discussed = discussed; }
        public String getNotes() { return notes; }
        public void setNotes(String notes) { this.notes = notes; }
    }

    public List<UUID> getPresent() { return present; }
    public void setPresent(List<UUID> present) { this.present = present == null ? new ArrayList<>() : present; }
    public List<UUID> getApologies() { return apologies; }
    public void setApologies(List<UUID> apologies) { this.apologies = apologies == null ? new ArrayList<>() : apologies; }
    public String getOtherAttendees() { return otherAttendees; }
    public void setOtherAttendees(String otherAttendees) { this.otherAttendees = otherAttendees; }
    public List<ItemForm> getItems() { return items; }
    public void setItems(List<ItemForm> items) { this.items = items == null ? new ArrayList<>() : items; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
