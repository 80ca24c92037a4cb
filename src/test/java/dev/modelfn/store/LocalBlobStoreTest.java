package dev.modelfn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
