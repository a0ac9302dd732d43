package dev.pedigree.lineage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The answers of the common lineage reads kept in memory ({@link KeptAnswers}).
 *
 * @param keptAnswersTtl how long an answer is reused at most (for writes made by other
 * instances of a cluster, which this instance does not see); zero keeps nothing
 * @param keptAnswersMaxModels how many models the kept answers may hold in all (an answer
 * weighs one per model it lists, plus one)
 */
@ConfigurationProperties("pedigree.limits")
public record KeptAnswerLimits(@DefaultValue("60s") Duration keptAnswersTtl,
		@DefaultValue("100000") long keptAnswersMaxModels) {
}
