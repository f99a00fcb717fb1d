package dev.ratchet.identity;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecondFactorTests {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:10Z"), ZoneOffset.UTC);
    final SecondFactor secondFactor = new SecondFactor(clock);

    @Test
    void theEnrolmentsQrCodeReadsBackAsTheAuthenticatorAddressWithTheSecret() throws Exception {
        SecondFactor.Enrolment enrolment = secondFactor.newEnrolment("ann@example.com");
        assertThat(enrolment.qrCodeDataUri()).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(enrolment.qrCodeDataUri().substring("data:image/png;base64,".length()));
        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        assertThat(text).startsWith("otpauth://totp/").contains("secret=" + enrolment.secret()).contains("issuer=Ratchet");
    }

    @Test
    void aCodeNamesItsTimeStepWithinOneStepOfNowAndNoOther() throws Exception {
        String secret = secondFactor.newEnrolment("bo@example.com").secret();
        long now = clock.instant().getEpochSecond() / 30;
        DefaultCodeGenerator codes = new DefaultCodeGenerator();
        assertThat(secondFactor.step(secret, codes.generate(secret, now))).hasValue(now);
        assertThat(secondFactor.step(secret, codes.generate(secret, now - 1))).hasValue(now - 1);
        assertThat(secondFactor.step(secret, codes.generate(secret, now - 2))).isEmpty();
        assertThat(secondFactor.step(secret, "12345")).isEmpty();
        assertThat(secondFactor.step(secret, null)).isEmpty();
    }
}
