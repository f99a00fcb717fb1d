package dev.ratchet.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The first administrator and the first organisation, asked for on the very first visit. */
public class SetupForm implements java.io.Serializable {

    @NotBlank(message = "Name your organisation")
    @Size(max = 120, message = "A name can have at most 120 characters")
    private String organisationName;

    @NotBlank(message = "Enter your name")
    @Size(max = 120, message = "A name can have at most 120 characters")
    private String displayName;

    @NotBlank(message = "Enter your e-mail address")
    @Email(message = "Enter a valid e-mail address, like name@example.com")
    @Size(max = 254, message = "An e-mail address can have at most 254 characters")
    private String email;

    private String password;

    private String passwordConfirmation;

    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String organisationName) { this.organisationName = organisationName; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordConfirmation() { return passwordConfirmation; }
    public void setPasswordConfirmation(String passwordConfirmation) { this.passwordConfirmation = passwordConfirmation; }
}
