package dev.modelfn.lambda;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Put on a function that may be exported as a Lambda: its failures are logged once even where no HTTP
 * request carries them (see {@link LambdaFailureLog}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface LogsLambdaFailures {
}
