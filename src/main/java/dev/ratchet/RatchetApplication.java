package dev.ratchet;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RatchetApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(RatchetApplication.class);
        // A command (such as --ratchet.command=verify-history) runs and exits without starting the web server.
        if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--ratchet.command="))) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        application.run(args);
    }
}
