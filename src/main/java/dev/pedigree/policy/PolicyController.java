package dev.pedigree.policy;

import dev.pedigree.lineage.PointInTime;
import java.util.ArrayList;
import java.util.List;

import dev.pedigree.common.ParallelFields;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
@ParallelFields
class PolicyController {

	private final Scenarios scenarios;

	private final ScenarioEvaluation evaluation;

	private final DownstreamGrowth growth;

	PolicyController(Scenarios scenarios, ScenarioEvaluation evaluation, DownstreamGrowth growth) {
		this.scenarios = scenarios;
		this.evaluation = evaluation;
		this.growth = growth;
	}

	@QueryMapping
	DownstreamGrowth.Growth downstreamGrowth(@Argument String foundationId, @Argument DownstreamGrowth.Category by,
			@Argument Object asOf, @Argument Boolean includeUndated) {
		return this.growth.of(foundationId, by == null ? DownstreamGrowth.Category.RELATION : by,
				PointInTime.of(asOf, includeUndated));
	}

	@QueryMapping
	List<Scenario> policyScenarios() {
		return this.scenarios.all();
	}

	@QueryMapping
	ScenarioEvaluation.ScenarioResult policyScenario(@Argument String id, @Argument Object asOf,
			@Argument Boolean includeUndated) {
		return this.evaluation.evaluate(this.scenarios.get(id), PointInTime.of(asOf, includeUndated));
	}

	@QueryMapping
	ScenarioEvaluation.ScenarioResult evaluateScenario(@Argument String definition, @Argument Object asOf,
			@Argument Boolean includeUndated) {
		return this.evaluation.evaluate(Scenarios.parse(definition, "scenario"), PointInTime.of(asOf, includeUndated));
	}

	@SchemaMapping(typeName = "ScenarioTier", field = "conditions")
	List<String> conditions(Scenario.Tier tier) {
		return describe(tier.when());
	}

	/** The set conditions as {@code key = value} lines, in the vocabulary's own names. */
	static List<String> describe(Scenario.Conditions c) {
		List<String> lines = new ArrayList<>();
		for (var component : Scenario.Conditions.class.getRecordComponents()) {
			try {
				Object value = component.getAccessor().invoke(c);
				if (value != null) {
					lines.add(component.getName() + " = " + value);
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return lines;
	}

}
