package dev.ratchet.identity.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ratchet.identity.Role;

/** Organisation → Single sign-on, as typed: domains one a line, group roles as "group = role, role" one a line. */
public class SingleSignOnForm implements Serializable {

    private String displayName;
    private String issuer;
    private String clientId;
    private String clientSecret;
    private String domains;
    private String groupsClaim = "groups";
    private String groups;
    private Role defaultRole;
    private boolean justInTime;
    private boolean ssoOnly;
    private boolean enabled = true;
    private List<UUID> breakGlassMemberIds = new ArrayList<>();
    private Long version;

    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getIssuer() { return issuer; }
    public void setIssuer(String issuer) { this.issuer = issuer; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecret() { return clientSecret; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public String getDomains() { return domains; }
    public void setDomains(String domains) { this.domains = domains; }
    public String getGroupsClaim() { return groupsClaim; }
    public void setGroupsClaim(String groupsClaim) { this.groupsClaim = groupsClaim; }
    public String getGroups() { return groups; }
    public void setGroups(String groups) { this.groups = groups; }
    public Role getDefaultRole() { return defaultRole; }
    public void setDefaultRole(Role defaultRole) { this.defaultRole = defaultRole; }
    public boolean isJustInTime() { return justInTime; }
    public void setJustInTime(boolean justInTime) { this.justInTime = justInTime; }
    public boolean isSsoOnly() { return ssoOnly; }
    public void setSsoOnly(boolean ssoOnly) { this.ssoOnly = ssoOnly; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public List<UUID> getBreakGlassMemberIds() { return breakGlassMemberIds; }
    public void setBreakGlassMemberIds(List<UUID> breakGlassMemberIds) { this.breakGlassMemberIds = breakGlassMemberIds; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
