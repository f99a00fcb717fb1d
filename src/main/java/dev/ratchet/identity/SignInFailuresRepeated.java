package dev.ratchet.identity;

import java.util.UUID;

/**
 * Enough wrong passwords were tried for an account, from anywhere, that tries from unknown browsers now wait: the person
 * should hear of it (someone may be guessing their password).
 */
public record SignInFailuresRepeated(UUID userId, int failures, String lastAddress) {
}
