package dev.modelfn.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Configures the packaged application as an operator would: a fresh RSA public key in a PEM file named by
 * {@code mp.jwt.verify.publickey.location}, and the issuer its tokens carry. Fields of type
 * {@link PrivateKey} receive the matching private key, with which the test signs its tokens.
 */
public class AdminKeyFileResource implements QuarkusTestResourceLifecycleManager {

    private KeyPair keys;
    private Path pem;

    @Override
    public Map<String, String> start() {
        keys = JwtKeysResource.newKeyPair();
        try {
            pem = Files.createTempFile("modelfn-jwt", ".pem");
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(keys.getPublic().getEncoded());
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Dev services hand the application an inline key of their own (mp.jwt.verify.publickey), which would
        // take precedence over the location; NONE is smallrye-jwt's "no inline key".
        return Map.of("modelfn.auth.enabled", "true",
                "mp.jwt.verify.publickey", "NONE",
                "mp.jwt.verify.publickey.location", pem.toAbsolutePath().toString(),
                "mp.jwt.verify.issuer", JwtKeysResource.ISSUER);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(keys.getPrivate(), new TestInjector.MatchesType(PrivateKey.class));
    }

    @Override
    public void stop() {
        try {
            Files.deleteIfExists(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
