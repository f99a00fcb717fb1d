package dev.ratchet.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in, refused without looking at the password while this client's tries for the account, the address, or
 * (for an unknown device of an account without a second factor) the account's slowdown say so; see {@link LoginThrottle}.
 */
@Component
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    /** Thrown while throttled; the login page tells the person to wait. */
    public static class Throttled extends AuthenticationServiceException {
        Throttled() {
            super("Too many failed sign-ins: wait a few minutes before trying again");
        }
    }

    /** The password is right, but every organisation of the person signs in through its own provider only. */
    public static class SingleSignOnRequired extends AuthenticationServiceException {
        SingleSignOnRequired() {
            super("Your organisation signs in through its own provider: use single sign-on");
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final KnownDevices devices;
    private final dev.ratchet.identity.domain.UserRepository users;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final SingleSignOn singleSignOn;

    ThrottledAuthenticationProvider(RatchetUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
            KnownDevices devices, dev.ratchet.identity.domain.UserRepository accounts,
            org.springframework.context.ApplicationEventPublisher events, SingleSignOn singleSignOn) {
        this.events = events;
        this.singleSignOn = singleSignOn;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.devices = devices;
        this.users = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        var web = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes ? attributes : null;
        java.util.Optional<String> device = devices.of(web == null ? null : web.getRequest(), account);
        String client = device.orElse("address:" + address);
        boolean trusted = device.isPresent() || users.findByEmail(dev.ratchet.identity.domain.User.normaliseEmail(account))
                .map(dev.ratchet.identity.domain.User::hasTotp).orElse(false);
        if (throttle.isBlocked(account, client, address, trusted)) {
            throw new Throttled();
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(account, client);
            if (result.getPrincipal() instanceof RatchetPrincipal person && singleSignOn.onlyThroughProviders(person.userId())) {
                throw new SingleSignOnRequired();
            }
            if (web != null && web.getResponse() != null && result.getPrincipal() instanceof RatchetPrincipal principal) {
                devices.remember(web.getRequest(), web.getResponse(), principal.userId());
            }
            return result;
        }
        catch (BadCredentialsException e) {
            int failures = throttle.failed(account, client, address);
            if (failures >= throttle.slowAfter()) {
                LOG.warn("Repeated failed sign-ins to account {} ({} in the window, the latest from {}): untrusted tries now wait until {}",
                        account, failures, address, throttle.delayedUntil(account));
            }
            if (failures == throttle.slowAfter()) {
                // Once per episode: the person hears that someone may be guessing their password.
                users.findByEmail(dev.ratchet.identity.domain.User.normaliseEmail(account)).ifPresent(u ->
                        events.publishEvent(new SignInFailuresRepeated(u.getId(), failures, address)));
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
