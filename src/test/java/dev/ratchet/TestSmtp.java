package dev.ratchet;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The test mail server's port: 3025, or another named by {@code ratchet.test.smtp-port} (to run two test JVMs on one
 * machine at once). Tests name it as {@code spring.mail.port=${ratchet.test.smtp-port:3025}}.
 */
public final class TestSmtp {

    public static final int PORT = Integer.getInteger("ratchet.test.smtp-port", 3025);

    private TestSmtp() {
    }

    public static ServerSetup setup() {
        return new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }
}
