package dev.pedigree.graphql;

import dev.pedigree.common.ParallelFields;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;

/**
 * Which controller fields leave the request's thread. With virtual threads on, Spring for
 * GraphQL runs every blocking controller method on a new virtual thread; only the
 * controllers marked {@link ParallelFields} keep that, the rest run where GraphQL Java
 * calls them.
 */
@Configuration(proxyBeanMethods = false)
class FieldThreads {

	@Bean
	static BeanPostProcessor parallelFieldsOnly() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof AnnotatedControllerConfigurer configurer) {
					configurer.setBlockingMethodPredicate(
							method -> AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ParallelFields.class));
				}
				return bean;
			}

		};
	}

}
