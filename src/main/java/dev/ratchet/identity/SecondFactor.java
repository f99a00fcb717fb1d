package dev.ratchet.identity;

import java.time.Clock;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

import org.springframework.stereotype.Component;

/** RFC 6238 one-time codes from an authenticator app, timed by our clock. */
@Component
public class SecondFactor {

    private static final int PERIOD_SECONDS = 30;

    private final DefaultCodeVerifier verifier;
    private final DefaultCodeGenerator generator = new DefaultCodeGenerator();
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator();
    private final Clock clock;

    SecondFactor(Clock clock) {
        this.clock = clock;
        this.verifier = new DefaultCodeVerifier(generator, () -> clock.instant().getEpochSecond());
        this.verifier.setAllowedTimePeriodDiscrepancy(1);
    }

    /**
     * The time step a code belongs to, when it is right now (the current step, or one either side for clocks that
     * drift): the caller spends that step so that the code signs in once.
     */
    java.util.OptionalLong step(String secret, String code) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return java.util.OptionalLong.empty();
        }
        long now = Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                if (java.security.MessageDigest.isEqual(generator.generate(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        code.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                    return java.util.OptionalLong.of(step);
                }
            }
            catch (dev.samstevens.totp.exceptions.CodeGenerationException e) {
                return java.util.OptionalLong.empty();
            }
        }
        return java.util.OptionalLong.empty();
    }

    public record Enrolment(String secret, String qrCodeDataUri) implements java.io.Serializable {
    }

    Enrolment newEnrolment(String accountName) {
        String secret = secrets.generate();
        QrData data = new QrData.Builder().label(accountName).secret(secret).issuer("Ratchet").digits(6).period(30)
                .build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            generator.setImageSize(220);
            return new Enrolment(secret, Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType()));
        }
        catch (QrGenerationException e) {
            return new Enrolment(secret, null);
        }
    }

    boolean isValid(String secret, String code) {
        return code != null && code.strip().matches("\\d{6}") && verifier.isValidCode(secret, code.strip());
    }
}
