package dev.modelfn.predict;

import java.io.IOException;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import dev.modelfn.config.ModelfnConfig;
import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.problem.MethodNotAllowedException;
import dev.modelfn.problem.NotFoundException;
import dev.modelfn.problem.OverloadedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves POST /predict straight from the router: the body is read into a {@link PredictRequest}, answered
 * and written as bytes on the event loop that received it. Funqy's HTTP binding would hand each call to
 * a worker thread and back, invoke the function by reflection and write the answer through a String;
 * that was most of a single-row call. Large bodies still go to a worker so that no event loop is held
 * for long. The event bindings keep reaching {@link PredictFunctions} through Funqy, and failures end in
 * the same {@code ProblemResponder}. GET /predict is refused with 405: a request holds named features per
 * row, which Funqy's query binding cannot fill (it binds only to setters, and leaves a record empty).
 */
@ApplicationScoped
public class PredictRoute {

    /** Before Funqy's catch-all route (Vert.x's default order, 0 and up), after the body handler. */
    static final int ORDER = -1;
    /** Bodies up to this size (about 500 rows of 4 features) are answered on the event loop. */
    static final int EVENT_LOOP_MAX_BODY = 48 * 1024;

    private final PredictionService predictions;
    private final PredictBaseline baseline;
    private final boolean baselineOn;
    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final InFlightBudget budget;

    public PredictRoute(PredictionService predictions, PredictBaseline baseline, ObjectMapper json, ModelfnConfig config,
            InFlightBudget budget) {
        this.predictions = predictions;
        this.budget = budget;
        this.baseline = baseline;
        this.baselineOn = config.bench().baseline();
        this.reader = json.readerFor(PredictRequest.class);
        this.writer = json.writerFor(PredictResponse.class);
    }

    void install(@Observes Router router) {
        router.post("/predict").order(ORDER).handler(context -> serve(context, predictions::predict));
        router.get("/predict").order(ORDER).handler(context -> context.fail(new MethodNotAllowedException("POST",
                "Predict takes POST /predict with a JSON body, e.g. {\"model\":\"iris\",\"features\":"
                        + "{\"sepal_length_cm\":5.1,\"sepal_width_cm\":3.5,\"petal_length_cm\":1.4,"
                        + "\"petal_width_cm\":0.2}}; GET is not served.")));
        router.post("/predict-baseline").order(ORDER).handler(context -> {
            if (baselineOn) {
                serve(context, baseline::answer);
            } else {
                context.fail(new NotFoundException("no-such-function", "No function at /predict-baseline."));
            }
        });
    }

    private void serve(RoutingContext context, Function<PredictRequest, PredictResponse> function) {
        Buffer body = context.body().buffer();
        int cost = body == null ? 0 : body.length();
        try {
            budget.take(cost);
        } catch (OverloadedException e) {
            context.fail(e);
            return;
        }
        if (cost > EVENT_LOOP_MAX_BODY) {
            context.vertx().executeBlocking(() -> {
                answerWithin(context, body, function, cost);
                return null;
            }, false);
        } else {
            answerWithin(context, body, function, cost);
        }
    }

    private void answerWithin(RoutingContext context, Buffer body, Function<PredictRequest, PredictResponse> function,
            int cost) {
        try {
            answer(context, body, function);
        } finally {
            budget.release(cost);
        }
    }

    private void answer(RoutingContext context, Buffer body, Function<PredictRequest, PredictResponse> function) {
        PredictRequest request;
        try {
            request = body == null || body.length() == 0 ? null : reader.readValue(body.getBytes());
        } catch (IOException e) {
            // the reader turns what it can name into a defect; what is left is a body that is not one JSON value
            context.fail(new InvalidInputException("malformed-json",
                    "The body is not one JSON value, or has more after it."));
            return;
        }
        try {
            Buffer answer = Buffer.buffer(writer.writeValueAsBytes(function.apply(request)));
            context.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(answer);
        } catch (IOException | RuntimeException e) {
            context.fail(e);
        }
    }
}
