package dev.modelfn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.modelfn.problem.StoreUnavailableException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void writesReadsListsAndDeletes() {
        LocalBlobStore store = new LocalBlobStore(root);
        store.write("m/versions/v1/model.tribuo", new byte[] { 1, 2, 3 });
        store.write("m/current", "v1".getBytes());
        assertThat(store.read("m/versions/v1/model.tribuo")).contains(new byte[] { 1, 2, 3 });
        assertThat(store.children("")).containsExactly("m");
        assertThat(store.children("m/versions/")).containsExactly("v1");
        store.delete("m/current");
        assertThat(store.read("m/current")).isEmpty();
    }

    @Test
    void aWriteReplacesTheWholeFileAndLeavesNoTemporaryBehind() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root);
        store.write("m/current", "first-version".getBytes());
        store.write("m/current", "v2".getBytes());
        assertThat(new String(store.read("m/current").orElseThrow())).isEqualTo("v2");
        try (var files = Files.list(root.resolve("m"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("current");
        }
    }

    @Test
    void absentKeysAndFoldersReadAsEmpty() {
        LocalBlobStore store = new LocalBlobStore(root.resolve("nothing-here"));
        assertThat(store.read("m/current")).isEmpty();
        assertThat(store.children("")).isEmpty();
    }

    @Test
    void keysCannotLeaveTheRoot() {
        LocalBlobStore store = new LocalBlobStore(root);
        assertThrows(IllegalArgumentException.class, () -> store.read("../outside"));
        assertThrows(IllegalArgumentException.class, () -> store.write("a/../../outside", new byte[0]));
    }

    @Test
    void namesAreHeldToTheSafePattern() {
        assertThat(Names.isValid("iris")).isTrue();
        assertThat(Names.isValid("iris-v2.1_b")).isTrue();
        assertThat(Names.isValid("../iris")).isFalse();
        assertThat(Names.isValid(".iris")).isFalse();
        assertThat(Names.isValid("a/b")).isFalse();
        assertThat(Names.isValid("x".repeat(65))).isFalse();
        assertThat(Names.isValid("")).isFalse();
    }

    /** A FIFO with no writer blocks its reader in the kernel, as a file on a hung network mount does. */
    @Test
    void aReadThatHangsFailsAtTheTimeoutAndHeldThreadsRefuseAtOnce() throws Exception {
        Path hung = fifo(root.resolve("m"), "current");
        LocalBlobStore store = new LocalBlobStore(root, Duration.ofMillis(500), 1);
        long start = System.nanoTime();
        StoreUnavailableException slow = assertThrows(StoreUnavailableException.class, () -> store.read("m/current"));
        assertThat(slow.timedOut()).isTrue();
        assertThat(slow.detail()).contains("m/current", "no answer within 500 ms");
        assertThat(System.nanoTime() - start).isBetween(400_000_000L, 5_000_000_000L);

        // the one I/O thread is still held by the hung read; one call may wait for it, the next is refused at once
        Thread waiting = new Thread(() -> assertThrows(StoreUnavailableException.class, () -> store.read("m/other")));
        waiting.start();
        Thread.sleep(150);
        long refused = System.nanoTime();
        StoreUnavailableException busy = assertThrows(StoreUnavailableException.class, () -> store.read("m/other"));
        assertThat(busy.detail()).contains("modelfn.store.io-threads");
        assertThat(System.nanoTime() - refused).isLessThan(300_000_000L);
        waiting.join();

        release(hung);
    }

    static Path fifo(Path folder, String name) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path fifo = folder.resolve(name);
        Files.deleteIfExists(fifo);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        return fifo;
    }

    /** Opens the FIFO for writing and closes it: the blocked reader reads nothing and returns. */
    static void release(Path fifo) throws IOException {
        try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
            out.flush();
        }
        Files.delete(fifo);
    }
}
