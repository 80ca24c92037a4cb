package dev.modelfn.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.store.BlobStore;
import dev.modelfn.store.HistoryEntry;
import dev.modelfn.store.LocalBlobStore;
import dev.modelfn.store.ModelStore;
import dev.modelfn.store.S3BlobStore;
import dev.modelfn.support.S3TestServer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Writers with their own store clients (as separate instances have) promote versions of one model at the same
 * time, into one S3Proxy bucket and into one folder: every version and every history entry is kept (history
 * entries are separate immutable objects), current ends at one of the versions, and rollback returns to another
 * of them. In the folder, whose compare-and-set of {@code current} is atomic, each entry also names the version
 * it really replaced: one unbroken chain. S3Proxy 4.1.0 checks If-Match and If-None-Match on PUT (see the first
 * test) but not atomically: two racing conditional PUTs can both succeed, so there two entries may name the
 * same predecessor. AWS S3 and MinIO make conditional PUTs atomic.
 */
class ConcurrentPromotionsTest {

    private static final int WRITERS = 2;
    private static final int PROMOTIONS_EACH = 8;
    private static final String BUCKET = "concurrent";

    @TempDir
    Path folder;

    @Test
    void s3ProxyHonoursConditionalPuts() {
        BlobStore store = s3Stores(1).get(0);
        assertThat(store.writeIf("m/current", bytes("a"), null)).isTrue();
        assertThat(store.writeIf("m/current", bytes("b"), null)).as("If-None-Match: * on an existing object").isFalse();
        String tag = store.readTagged("m/current").orElseThrow().tag();
        assertThat(store.writeIf("m/current", bytes("c"), tag)).isTrue();
        assertThat(store.writeIf("m/current", bytes("d"), tag)).as("If-Match on a stale ETag").isFalse();
        assertThat(new String(store.read("m/current").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("c");
    }

    @Test
    void theFolderHonoursConditionalWrites() {
        BlobStore store = new LocalBlobStore(folder);
        assertThat(store.writeIf("m/current", bytes("a"), null)).isTrue();
        assertThat(store.writeIf("m/current", bytes("b"), null)).isFalse();
        String tag = store.readTagged("m/current").orElseThrow().tag();
        assertThat(store.writeIf("m/current", bytes("c"), tag)).isTrue();
        assertThat(store.writeIf("m/current", bytes("d"), tag)).isFalse();
        assertThat(store.children("m/")).containsExactly("current");
    }

    @Test
    void concurrentPromotionsIntoOneBucketFormOneChain() throws Exception {
        race(s3Stores(WRITERS), false);
    }

    @Test
    void concurrentPromotionsIntoOneFolderFormOneChain() throws Exception {
        List<BlobStore> stores = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            stores.add(new LocalBlobStore(folder));
        }
        race(stores, true);
    }

    private static void race(List<BlobStore> blobs, boolean atomicSwap) throws Exception {
        List<ModelStore> stores = blobs.stream().map(b -> new ModelStore(b, new ObjectMapper())).toList();
        String first = "v-initial";
        stores.get(0).swapCurrent("m", first);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS * 2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> promoted = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            ModelStore store = stores.get(w);
            for (int p = 0; p < PROMOTIONS_EACH; p++) {
                String version = "v-" + w + "-" + p + "-" + UUID.randomUUID().toString().substring(0, 6);
                promoted.add(pool.submit(call(() -> {
                    await(go);
                    // what the Promoter does: swap current, then record what it replaced
                    String previous = store.swapCurrent("m", version).orElse(null);
                    store.appendHistory("m", new HistoryEntry(Instant.now().toString(), HistoryEntry.PROMOTE, version, previous));
                    return version;
                })));
            }
        }
        go.countDown();
        Set<String> versions = new HashSet<>();
        for (Future<String> f : promoted) {
            versions.add(f.get());
        }
        pool.shutdown();

        ModelStore reader = stores.get(0);
        List<HistoryEntry> history = reader.history("m");
        assertThat(history).hasSize(WRITERS * PROMOTIONS_EACH);
        assertThat(history).extracting(HistoryEntry::version).containsExactlyInAnyOrderElementsOf(versions);
        String current = reader.currentVersion("m").orElseThrow();
        assertThat(current).isIn(versions);
        Set<String> known = new HashSet<>(versions);
        known.add(first);
        assertThat(history).extracting(HistoryEntry::previous).allMatch(known::contains);

        // rollback returns to another version, and to the one the current one replaced
        String replacedByCurrent = history.stream().filter(e -> e.version().equals(current)).findFirst()
                .orElseThrow().previous();
        List<String> targets = PromotionStack.rollbackTargets(history, current);
        assertThat(targets).isNotEmpty().allMatch(known::contains).contains(replacedByCurrent);
        assertThat(targets.get(0)).isNotEqualTo(current);

        if (atomicSwap) {
            // no two promotions replaced the same version: one unbroken chain from the first to current
            Set<String> previous = new HashSet<>();
            history.forEach(e -> assertThat(previous.add(e.previous())).as("replaced twice: " + e.previous()).isTrue());
            Set<String> expectedPrevious = new HashSet<>(known);
            expectedPrevious.remove(current);
            assertThat(previous).isEqualTo(expectedPrevious);
        }
    }

    private static List<BlobStore> s3Stores(int count) {
        String prefix = "run-" + UUID.randomUUID() + "/";
        List<BlobStore> stores = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            S3Client client = S3TestServer.client();
            if (i == 0) {
                try {
                    client.createBucket(b -> b.bucket(BUCKET));
                } catch (BucketAlreadyOwnedByYouException e) {
                    // an earlier test made it
                } catch (S3Exception e) {
                    if (e.statusCode() != 409) {
                        throw e;
                    }
                }
            }
            stores.add(new S3BlobStore(() -> client, BUCKET, prefix));
        }
        return stores;
    }

    private static <T> java.util.concurrent.Callable<T> call(Supplier<T> body) {
        return body::get;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
