package dev.modelfn.lambda;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.modelfn.problem.ProblemResponder;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Logs the failure of a function invoked by Lambda. Funqy's SQS batch handling turns a failed record into
 * a {@code batchItemFailures} entry and logs nothing, so without this a bad record would leave no trace in
 * the function's log. Calls that came over HTTP are skipped: ProblemResponder logs those.
 */
@LogsLambdaFailures
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class LambdaFailureLog {

    private final ProblemResponder problems;
    private final CurrentVertxRequest http;

    public LambdaFailureLog(ProblemResponder problems, CurrentVertxRequest http) {
        this.problems = problems;
        this.http = http;
    }

    @AroundInvoke
    Object logFailure(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (RuntimeException failure) {
            if (http.getCurrent() == null) {
                problems.logUnanswered("Lambda " + invocation.getMethod().getName(), failure);
            }
            throw failure;
        }
    }
}
