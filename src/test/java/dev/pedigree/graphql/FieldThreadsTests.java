package dev.pedigree.graphql;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.data.method.HandlerMethod;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With virtual threads on, only the analysis controllers' blocking fields leave the
 * request's thread; lineage reads run where GraphQL Java calls them.
 */
@PedigreeServerTest
class FieldThreadsTests {

	@Autowired
	ApplicationContext context;

	@Test
	void lineage_fields_run_on_the_request_thread_and_analyses_on_their_own() {
		var configurer = this.context.getBean(AnnotatedControllerConfigurer.class);
		assertThat(configurer.getExecutor()).as("virtual threads give Spring for GraphQL an executor").isNotNull();
		@SuppressWarnings("unchecked")
		var offloaded = (Predicate<HandlerMethod>) ReflectionTestUtils.getField(configurer, "blockingMethodPredicate");
		assertThat(offloaded.test(handler("lineageController", "model"))).isFalse();
		assertThat(offloaded.test(handler("lineageController", "models"))).isFalse();
		assertThat(offloaded.test(handler("ecosystemController", "ecosystem"))).isTrue();
		assertThat(offloaded.test(handler("riskController", "liabilityTrace"))).isTrue();
	}

	private HandlerMethod handler(String bean, String name) {
		Object controller = this.context.getBean(bean);
		Method method = Arrays.stream(controller.getClass().getDeclaredMethods())
			.filter(m -> m.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(bean + " has no method " + name));
		return new HandlerMethod(controller, method);
	}

}
