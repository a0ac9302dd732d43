package dev.pedigree.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GraphQL controller whose fields are analyses (ecosystem reports, liability
 * traces, scenarios) that a client asks for side by side: each of its blocking fields
 * runs on its own virtual thread, so several in one request run at once. Fields of other
 * controllers run on the request's own thread: for a lineage read of a millisecond, the
 * hand-over to another thread and back cost more CPU than the read (docs/benchmarks.md,
 * issue 12).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ParallelFields {

}
