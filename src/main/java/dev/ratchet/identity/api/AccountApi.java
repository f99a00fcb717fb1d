package dev.ratchet.identity.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.RatchetPrincipal;
import dev.ratchet.identity.TokenView;
import dev.ratchet.shared.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token owner's own account, as on the "Your account" page: personal API tokens, the weekly digest and the
 * calendar feed. The password and the second factor are changed on the page only: a token must not be able to change
 * the credentials it was created with.
 */
@RestController
@RequestMapping("/api/v1/account")
@Tag(name = "Account", description = "Your own account: personal API tokens, the weekly digest, the calendar feed")
class AccountApi {

    private final IdentityManagement identity;
    private final dev.ratchet.identity.Passkeys passkeys;
    private final String baseUrl;

    AccountApi(IdentityManagement identity, dev.ratchet.identity.Passkeys passkeys,
            @Value("${ratchet.base-url:http://localhost:8080}") String baseUrl) {
        this.identity = identity;
        this.passkeys = passkeys;
        this.baseUrl = baseUrl;
    }

    record TokenRequest(String name, Integer validDays) {
    }

    @GetMapping("/tokens")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "Your personal API tokens, newest first, with when each was last used (never the secret)")
    List<TokenView> listTokens(@AuthenticationPrincipal RatchetPrincipal principal) {
        return identity.tokensOf(principal.userId());
    }

    @PostMapping("/tokens")
    @PreAuthorize(Access.SIGNED_IN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a personal API token (valid 1 to 366 days, or until revoked): its secret is in this answer only")
    IdentityManagement.NewToken createToken(@AuthenticationPrincipal RatchetPrincipal principal, @RequestBody TokenRequest request) {
        return identity.createTokenWithDetails(principal.userId(), request.name(), request.validDays());
    }

    @GetMapping("/passkeys")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "Your passkeys: name, when made and last used (made in a browser, under Your account)")
    List<dev.ratchet.identity.Passkeys.View> listPasskeys(@AuthenticationPrincipal RatchetPrincipal principal) {
        return passkeys.of(principal.userId());
    }

    @DeleteMapping("/passkeys/{passkeyId}")
    @PreAuthorize(Access.SIGNED_IN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove one of your passkeys: it no longer signs you in")
    void deletePasskey(@AuthenticationPrincipal RatchetPrincipal principal, @PathVariable UUID passkeyId) {
        passkeys.remove(principal.userId(), passkeyId);
    }

    @DeleteMapping("/tokens/{tokenId}")
    @PreAuthorize(Access.SIGNED_IN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your tokens: programs using it are refused from now on")
    void revokeToken(@AuthenticationPrincipal RatchetPrincipal principal, @PathVariable UUID tokenId) {
        identity.revokeToken(principal.userId(), tokenId);
    }

    record Preferences(boolean weeklyDigest, boolean calendarFeed) {
    }

    record PreferencesForm(Boolean weeklyDigest) {
    }

    @GetMapping("/preferences")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "Whether you get the weekly digest of your open actions, and whether you have a calendar feed")
    Preferences getPreferences(@AuthenticationPrincipal RatchetPrincipal principal) {
        return new Preferences(identity.wantsDigest(principal.userId()), identity.hasCalendarFeed(principal.userId()));
    }

    @PutMapping("/preferences")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "Turn the weekly digest on or off (reminders about overdue actions still come)")
    Preferences updatePreferences(@AuthenticationPrincipal RatchetPrincipal principal, @RequestBody PreferencesForm form) {
        if (form.weeklyDigest() != null) {
            identity.muteDigest(principal.userId(), !form.weeklyDigest());
        }
        return getPreferences(principal);
    }

    record CalendarFeed(String url) {
    }

    @PostMapping("/calendar-feed")
    @PreAuthorize(Access.SIGNED_IN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new address of your calendar feed (your actions' due dates, iCalendar); an earlier address stops working")
    CalendarFeed createCalendarFeed(@AuthenticationPrincipal RatchetPrincipal principal) {
        return new CalendarFeed(baseUrl + "/calendar/" + identity.newCalendarToken(principal.userId()) + ".ics");
    }

    @DeleteMapping("/calendar-feed")
    @PreAuthorize(Access.SIGNED_IN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop your calendar feed: its address no longer works")
    void revokeCalendarFeed(@AuthenticationPrincipal RatchetPrincipal principal) {
        identity.revokeCalendarToken(principal.userId());
    }
}
