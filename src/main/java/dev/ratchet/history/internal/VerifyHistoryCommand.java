package dev.ratchet.history.internal;

import java.util.List;

import dev.ratchet.history.HistoryManagement;
import dev.ratchet.history.Verification;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --ratchet.command=verify-history}: checks every chain, prints one line per organisation, and exits with 0
 * when all are intact and 1 otherwise (see README).
 */
@Component
@ConditionalOnProperty(name = "ratchet.command", havingValue = "verify-history")
class VerifyHistoryCommand implements ApplicationRunner {

    private final HistoryManagement history;
    private final ApplicationContext context;

    VerifyHistoryCommand(HistoryManagement history, ApplicationContext context) {
        this.history = history;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Verification> results = history.verifyAll();
        boolean intact = true;
        for (Verification v : results) {
            System.out.println("history " + v.organisationId() + ": " + v.describe());
            intact &= v.intact();
        }
        System.out.println(results.isEmpty() ? "history: no entries yet"
                : intact ? "history: all " + results.size() + " chains intact" : "history: TAMPERING DETECTED");
        int code = intact ? 0 : 1;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}
