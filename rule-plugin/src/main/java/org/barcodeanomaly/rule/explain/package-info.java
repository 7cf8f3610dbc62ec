/**
 * Why the rules reported an event: the finding each rule records when asked to (the rule that fired,
 * the events it compared, its numbers, a sentence), and the bookkeeping that keeps, per event and
 * type, the finding behind the score that stands. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.rule.explain;
