package dev.ratchet.identity;

import java.time.Clock;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

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
            return new Enrolment(secret, "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(qrPng(data.getUri(), 220)));
        }
        catch (com.google.zxing.WriterException | java.io.IOException e) {
            return new Enrolment(secret, null);
        }
    }

    /** The otpauth: address as a black-on-white QR code, a PNG of about {@code size} pixels square. */
    static byte[] qrPng(String content, int size) throws com.google.zxing.WriterException, java.io.IOException {
        com.google.zxing.common.BitMatrix matrix = new com.google.zxing.qrcode.QRCodeWriter()
                .encode(content, com.google.zxing.BarcodeFormat.QR_CODE, size, size);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(matrix.getWidth(), matrix.getHeight(),
                java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    boolean isValid(String secret, String code) {
        return code != null && code.strip().matches("\\d{6}") && verifier.isValidCode(secret, code.strip());
    }
}
