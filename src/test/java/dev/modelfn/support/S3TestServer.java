package dev.modelfn.support;

import java.net.URI;
import java.util.Properties;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

import dev.modelfn.store.NoExpectContinue;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One real S3-protocol server (S3Proxy, in memory, checking AWS signatures) on 127.0.0.1 for the
 * whole test run, started on first use.
 */
public final class S3TestServer {

    public static final String ACCESS_KEY = "modelfn-test";
    public static final String SECRET_KEY = "modelfn-test-secret";
    public static final String REGION = "us-east-1";

    private static S3Proxy server;

    private S3TestServer() {
    }

    public static synchronized URI endpoint() {
        if (server == null) {
            server = start();
        }
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    /** A client of the test server, as a second instance or an operator would have. */
    public static S3Client client() {
        return client(endpoint());
    }

    /** A client configured as modelfn's own, of the S3 endpoint given. */
    public static S3Client client(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new NoExpectContinue()))
                .build();
    }

    private static S3Proxy start() {
        try {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(BlobStores.create("transient", new Properties()))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(5);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    proxy.stop();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
            return proxy;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test S3 server", e);
        }
    }
}
