package dev.ratchet.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class RatchetUserDetailsService implements UserDetailsService {

    private final IdentityManagement identity;

    RatchetUserDetailsService(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return identity.principal(email).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }
}
