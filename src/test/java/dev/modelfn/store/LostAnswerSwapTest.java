package dev.modelfn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelfn.problem.StoreUnavailableException;
import dev.modelfn.support.ForwardingBlobStore;

/**
 * A promotion whose conditional write of {@code current} lands but whose answer is lost counts as done, with the
 * version it really replaced; one that did not land is reported, not guessed.
 */
class LostAnswerSwapTest {

    @TempDir
    Path folder;

    @Test
    void aWriteThatLandedButLostItsAnswerIsASwap() {
        ModelStore store = new ModelStore(new LosingAnswers(new LocalBlobStore(folder), true), new ObjectMapper());
        new ModelStore(new LocalBlobStore(folder), new ObjectMapper()).swapCurrent("m", "v-1");

        assertThat(store.swapCurrent("m", "v-2")).contains("v-1");
        assertThat(store.currentVersion("m")).contains("v-2");
    }

    @Test
    void aWriteThatDidNotLandIsAFailure() {
        ModelStore store = new ModelStore(new LosingAnswers(new LocalBlobStore(folder), false), new ObjectMapper());
        new ModelStore(new LocalBlobStore(folder), new ObjectMapper()).swapCurrent("m", "v-1");

        assertThatThrownBy(() -> store.swapCurrent("m", "v-2")).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.currentVersion("m")).contains("v-1");
    }

    /** Conditional writes fail after landing, or instead of it. */
    private static final class LosingAnswers extends ForwardingBlobStore {

        private final boolean land;

        LosingAnswers(BlobStore real, boolean land) {
            super(real);
            this.land = land;
        }

        @Override
        public boolean writeIf(String key, byte[] bytes, String tag) {
            if (land) {
                real.writeIf(key, bytes, tag);
            }
            throw new StoreUnavailableException("Cannot write " + key + ": Unexpected end of file from server", null);
        }
    }
}
