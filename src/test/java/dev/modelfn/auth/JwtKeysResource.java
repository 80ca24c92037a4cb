package dev.modelfn.auth;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh RSA key pair for each test application: the public key verifies tokens
 * ({@code mp.jwt.verify.publickey}), the private one signs the tests' tokens ({@code smallrye.jwt.sign.key},
 * read by {@code Jwt...sign()}). Profiles using it turn dev services off, or smallrye-jwt would configure
 * an in-memory key pair of its own.
 */
public class JwtKeysResource implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://issuer.modelfn.test";

    @Override
    public Map<String, String> start() {
        KeyPair keys = newKeyPair();
        Base64.Encoder base64 = Base64.getEncoder();
        return Map.of("modelfn.auth.enabled", "true",
                "mp.jwt.verify.publickey", base64.encodeToString(keys.getPublic().getEncoded()),
                "mp.jwt.verify.issuer", ISSUER,
                "smallrye.jwt.sign.key", base64.encodeToString(keys.getPrivate().getEncoded()),
                "smallrye.jwt.new-token.issuer", ISSUER);
    }

    @Override
    public void stop() {
        // nothing was written
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
