package dev.ratchet.identity;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Ratchet as a WebAuthn relying party: its id is the host of {@code ratchet.base-url} and the origin browsers must
 * name is that address (plus {@code ratchet.passkeys.origins}). Without a base address, as on a developer's machine
 * or in tests on a random port, the id is localhost and the origin this instance's own http://localhost:port, known
 * once the server listens: hence made at first use.
 */
@Component
class PasskeyRelyingParty implements WebAuthnRelyingPartyOperations {

    private final Passkeys passkeys;
    private final PasskeyAccounts accounts;
    private final Environment environment;
    private final String baseUrl;
    private final String extraOrigins;
    private volatile WebAuthnRelyingPartyOperations operations;

    PasskeyRelyingParty(Passkeys passkeys, PasskeyAccounts accounts, Environment environment, @Value("${ratchet.base-url:}") String baseUrl,
            @Value("${ratchet.passkeys.origins:}") String extraOrigins) {
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.environment = environment;
        this.baseUrl = dev.ratchet.shared.Texts.withoutTrailingSlash(baseUrl);
        this.extraOrigins = extraOrigins;
    }

    private WebAuthnRelyingPartyOperations operations() {
        if (operations == null) {
            synchronized (this) {
                if (operations == null) {
                    String origin = baseUrl.isBlank() ? "http://localhost:" + environment.getProperty("local.server.port",
                            environment.getProperty("server.port", "8080")) : baseUrl;
                    Set<String> origins = new LinkedHashSet<>();
                    origins.add(origin);
                    for (String extra : extraOrigins.split(",")) {
                        if (!extra.isBlank()) {
                            origins.add(dev.ratchet.shared.Texts.withoutTrailingSlash(extra.strip()));
                        }
                    }
                    operations = new Webauthn4JRelyingPartyOperations(accounts, passkeys,
                            PublicKeyCredentialRpEntity.builder().id(URI.create(origin).getHost()).name("Ratchet").build(), origins);
                }
            }
        }
        return operations;
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(PublicKeyCredentialCreationOptionsRequest request) {
        return operations().createPublicKeyCredentialCreationOptions(request);
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        return operations().registerCredential(request);
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(PublicKeyCredentialRequestOptionsRequest request) {
        return operations().createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        return operations().authenticate(request);
    }
}
