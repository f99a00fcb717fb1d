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

    private final DefaultCodeVerifier verifier;
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator();

    SecondFactor(Clock clock) {
        this.verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(), () -> clock.instant().getEpochSecond());
        this.verifier.setAllowedTimePeriodDiscrepancy(1);
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
