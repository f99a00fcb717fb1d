package dev.ratchet.identity;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A member or an invitation as a form and an API body: e-mail and name say whom to invite (they are the person's own
 * once they join and cannot be changed by an administrator), roles, line manager and last day of access are the
 * organisation's.
 */
public class MemberForm implements java.io.Serializable {

    @NotBlank(message = "Enter the person's e-mail address")
    @Email(message = "Enter a valid e-mail address, like name@example.com")
    @Size(max = 254, message = "An e-mail address can have at most 254 characters")
    private String email;

    @NotBlank(message = "Enter the person's name")
    @Size(max = 120, message = "A name can have at most 120 characters")
    private String displayName;

    @NotEmpty(message = "Give the person at least one role")
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private UUID lineManagerId;

    private LocalDate accessUntil;

    private Long version;

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
    public UUID getLineManagerId() { return lineManagerId; }
    public void setLineManagerId(UUID lineManagerId) { this.lineManagerId = lineManagerId; }
    public LocalDate getAccessUntil() { return accessUntil; }
    public void setAccessUntil(LocalDate accessUntil) { this.accessUntil = accessUntil; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
