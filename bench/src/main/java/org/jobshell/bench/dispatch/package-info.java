/**
 * JMH benchmarks of {@link org.jobshell.core.stack.Dispatcher#call} on a 30-plugin stack, of
 * {@link org.jobshell.core.stack.Glob#matches} for each kind of glob, and the floor they are compared
 * with: a plain loop calling the same 30 handlers.
 */
package org.jobshell.bench.dispatch;
