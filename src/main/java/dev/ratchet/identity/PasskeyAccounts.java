package dev.ratchet.identity;

import dev.ratchet.identity.domain.User;
import dev.ratchet.identity.domain.UserRepository;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The relying party's users are Ratchet's enabled accounts; the user handle is the account id's 16 bytes. */
@Component
@Transactional(readOnly = true)
class PasskeyAccounts implements PublicKeyCredentialUserEntityRepository {

    private final UserRepository users;

    PasskeyAccounts(UserRepository users) {
        this.users = users;
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return id.getBytes().length != 16 ? null : users.findById(Passkeys.userId(id)).filter(User::isEnabled).map(PasskeyAccounts::entity).orElse(null);
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        return users.findByEmail(User.normaliseEmail(username)).filter(User::isEnabled).map(PasskeyAccounts::entity).orElse(null);
    }

    /** The WebAuthn user is the account itself: nothing of its own to keep. */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
    }

    @Override
    public void delete(Bytes id) {
    }

    private static PublicKeyCredentialUserEntity entity(User user) {
        return ImmutablePublicKeyCredentialUserEntity.builder().id(Passkeys.handle(user.getId())).name(user.getEmail())
                .displayName(user.getDisplayName()).build();
    }

}
