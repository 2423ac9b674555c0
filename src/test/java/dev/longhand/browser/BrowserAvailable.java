package dev.longhand.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests where a browser is installed. Locally without one they are skipped
 * with the reason; under {@code CI=true} they always run, so a CI machine without a browser
 * fails instead of passing quietly.
 */
public final class BrowserAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: browser tests always run");
        }
        return Browser.missing()
                .map(why -> ConditionEvaluationResult.disabled("browser tests skipped: " + why))
                .orElse(ConditionEvaluationResult.enabled("a browser is installed"));
    }
}
