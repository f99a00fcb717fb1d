package dev.ratchet.improvement.web;

import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.improvement.Grade;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.RegisterFilter;
import dev.ratchet.improvement.Source;
import dev.ratchet.improvement.Status;
import dev.ratchet.improvement.api.RegisterSort;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;

/** The register's query string (filters, sort, page): one binding for the list and its exports, kept in the URL. */
public class RegisterParams {

    private Kind kind;
    private Status status;
    /** A grade's name, or UNGRADED for records without a grade; anything else means any grade. */
    private String grade;
    private Source source;
    private String requirement;
    private UUID areaId;
    private UUID ownerId;
    private Boolean overdue;
    private Boolean open;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate raisedFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate raisedTo;
    private String q;
    private String sort = "raisedAt";
    private String direction = "desc";
    private int page;

    public RegisterFilter filter() {
        Grade chosen = java.util.Arrays.stream(Grade.values()).filter(g -> g.name().equals(grade)).findFirst().orElse(null);
        return new RegisterFilter(kind, status, chosen, source, requirement, areaId, ownerId, overdue, open, raisedFrom,
                raisedTo, q, RegisterFilter.UNGRADED.equals(grade) ? Boolean.TRUE : null);
    }

    public Sort order() {
        return RegisterSort.of(sort, direction);
    }

    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getGrade() { return grade; }
    public void setGrade(String grade) { this.grade = grade; }
    public Source getSource() { return source; }
    public void setSource(Source source) { this.source = source; }
    public String getRequirement() { return requirement; }
    public void setRequirement(String requirement) { this.requirement = requirement; }
    public UUID getAreaId() { return areaId; }
    public void setAreaId(UUID areaId) { this.areaId = areaId; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public Boolean getOverdue() { return overdue; }
    public void setOverdue(Boolean overdue) { this.overdue = overdue; }
    public Boolean getOpen() { return open; }
    public void setOpen(Boolean open) { this.open = open; }
    public LocalDate getRaisedFrom() { return raisedFrom; }
    public void setRaisedFrom(LocalDate raisedFrom) { this.raisedFrom = raisedFrom; }
    public LocalDate getRaisedTo() { return raisedTo; }
    public void setRaisedTo(LocalDate raisedTo) { this.raisedTo = raisedTo; }
    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getSort() { return sort; }
    public void setSort(String sort) { this.sort = sort; }
    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
