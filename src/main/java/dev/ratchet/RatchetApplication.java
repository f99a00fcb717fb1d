package dev.ratchet;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling is on for every module's background work (reminders, mail, migrations, bundles, sweeps). */
@SpringBootApplication
@EnableScheduling
public class RatchetApplication {

    public static void main(String[] args) {
        // The embedded database lets the history command connect while Ratchet runs (AUTO_SERVER): its port is for
        // this machine only, never on the network.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        SpringApplication application = new SpringApplication(RatchetApplication.class);
        // A command (such as --ratchet.command=verify-history) runs and exits without starting the web server.
        if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--ratchet.command="))) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        application.run(args);
    }
}
