package dev.modelfn.train;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import dev.modelfn.problem.RequestDefect;
import dev.modelfn.problem.StrictJson;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of the train function: a {@link TrainRequest}, or what was wrong with it. */
@RegisterForReflection
@JsonDeserialize(using = TrainInput.Reader.class)
public record TrainInput(TrainRequest request, RequestDefect defect) {

    @RegisterForReflection
    public static class Reader extends StdDeserializer<TrainInput> {

        public Reader() {
            super(TrainInput.class);
        }

        @Override
        public TrainInput deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            StrictJson.Result<TrainRequest> result = StrictJson.read(parser, TrainRequest.class);
            return new TrainInput(result.value(), result.defect());
        }
    }
}
